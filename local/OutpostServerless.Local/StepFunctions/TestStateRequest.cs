using System.Text.Json;
using System.Text.Json.Nodes;
using OutpostServerless.StateMachine;

namespace OutpostServerless.Local.StepFunctions;

/// <summary>
/// Reads a TestState request (botocore TestStateInput) into the engine's <see cref="StateTest"/>, refusing what
/// AWS refuses before a state is even parsed, in its words (recorded AWS answers in LocalStack's TestState
/// snapshot tests): a mock with both or neither of result and errorOutput, revealSecrets with a mock.
/// </summary>
internal static class TestStateRequest
{
    public static StateTest Read(RequestMembers members)
    {
        var mock = members.Structure("mock");
        if (mock is not null && members.Boolean("revealSecrets") == true)
        {
            throw Invalid("TestState does not support RevealSecrets when a mock is specified.");
        }

        if (members.Optional("context") is not null)
        {
            throw Invalid("context: the local TestState runs the state in its own express execution and takes no context object. Fix: leave context out.");
        }

        var configuration = members.Structure("stateConfiguration");
        foreach (var mapOnly in (string[])["errorCausedByState", "mapIterationFailureCount", "mapItemReaderData"])
        {
            if (configuration?.Body.ContainsKey(mapOnly) == true)
            {
                throw Invalid($"stateConfiguration.{mapOnly}: it configures where a mocked Map or Parallel state's error came from, which the local TestState does not model. Fix: leave it out.");
            }
        }

        return new StateTest
        {
            Definition = members.Required("definition"),
            StateName = members.Optional("stateName"),
            RoleArn = members.Optional("roleArn"),
            Input = ExecutionInput.Parse(members.Optional("input")),
            InspectionLevel = members.OneOf("inspectionLevel", "INFO", "DEBUG", "TRACE") switch
            {
                "DEBUG" => InspectionLevel.Debug,
                "TRACE" => InspectionLevel.Trace,
                _ => InspectionLevel.Info,
            },
            Variables = Variables(members.Optional("variables")),
            Mock = mock is null ? null : Mock(mock),
            RetrierRetryCount = configuration?.Integer("retrierRetryCount", 0, int.MaxValue) ?? 0,
        };
    }

    private static StateTestMock Mock(RequestMembers mock)
    {
        // Accepted as AWS accepts it; the mocked result is not checked against the integration's API model.
        mock.OneOf("fieldValidationMode", "STRICT", "PRESENT", "NONE");
        var result = mock.Optional("result");
        var errorOutput = mock.Structure("errorOutput");
        if ((result is null) == (errorOutput is null))
        {
            throw Invalid("A test mock should have only one of the following fields: [result, errorOutput].");
        }

        if (errorOutput is not null)
        {
            return new StateTestMock.Throws(errorOutput.Required("error"), errorOutput.Optional("cause"));
        }

        try
        {
            return new StateTestMock.Returns(JsonNode.Parse(result!));
        }
        catch (JsonException)
        {
            throw Invalid("Mocked result must be valid JSON");
        }
    }

    private static JsonObject? Variables(string? text)
    {
        if (text is null)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text) as JsonObject ?? throw Invalid("variables: must be a JSON object of variable names to values. Fix: e.g. {\"count\": 1}.");
        }
        catch (JsonException malformed)
        {
            throw Invalid($"variables: not valid JSON ({malformed.Message}). Fix: a JSON object of variable names to values.");
        }
    }

    private static StepFunctionsException Invalid(string message) => new("ValidationException", message);
}
