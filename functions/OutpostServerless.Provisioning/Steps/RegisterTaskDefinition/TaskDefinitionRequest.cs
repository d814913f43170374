using System.Text.Json;
using System.Text.Json.Nodes;
using OutpostServerless.Aws.Ecs;
using OutpostServerless.Provisioning.Request;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>Turns the plan's task definition (ECS's RegisterTaskDefinition input as JSON) into the port's request.</summary>
public static class TaskDefinitionRequest
{
    public static RegisterTaskDefinitionRequest From(WorkloadPlan workload, IReadOnlyList<EcsTag> tags)
    {
        var definition = workload.TaskDefinition;
        var compatibilities = definition["requiresCompatibilities"] is JsonArray requested
            ? requested.Select(c => c?.GetValue<string>()).OfType<string>().ToList()
            : [];
        return new RegisterTaskDefinitionRequest
        {
            Family = workload.Family,
            ContainerDefinitions = definition["containerDefinitions"] is JsonArray containers
                ? (JsonArray)containers.DeepClone()
                : [],
            Cpu = Text(definition["cpu"]),
            Memory = Text(definition["memory"]),
            NetworkMode = Text(definition["networkMode"]),
            // EC2 is the only launch type on an Outpost.
            RequiresCompatibilities = compatibilities.Count == 0 ? ["EC2"] : compatibilities,
            Tags = tags,
        };
    }

    // ECS takes cpu and memory as strings ("256", "1 vCPU"); requests may write them as numbers.
    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        // A number's JSON text is what ECS would get as a string: 256 → "256".
        _ => node.ToJsonString(),
    };
}
