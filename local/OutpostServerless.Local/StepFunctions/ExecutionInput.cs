using System.Text.Json;
using System.Text.Json.Nodes;

namespace OutpostServerless.Local.StepFunctions;

/// <summary>The <c>input</c> of StartExecution and TestState: JSON text, <c>{}</c> when absent; else InvalidExecutionInput as AWS words it.</summary>
internal static class ExecutionInput
{
    public static JsonNode? Parse(string? text)
    {
        try
        {
            return text is null ? new JsonObject() : JsonNode.Parse(text);
        }
        catch (JsonException invalid)
        {
            throw new StepFunctionsException("InvalidExecutionInput", $"Invalid State Machine Execution Input: '{invalid.Message}'");
        }
    }
}
