using System.Text.Json;
using System.Text.Json.Nodes;
using OutpostServerless.Aws.Ecs;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>
/// Is a registered revision what the plan asks for? Compares container definitions deeply and the
/// task-level settings. ECS echoes container definitions back with its defaults filled in (empty
/// lists, <c>essential: true</c>, <c>cpu: 0</c>, port mappings' <c>protocol: tcp</c> and
/// <c>hostPort</c>), so members the plan left out match when they hold those defaults.
/// </summary>
public static class TaskDefinitionComparison
{
    private static readonly Dictionary<string, JsonNode> EcsDefaults = new(StringComparer.Ordinal)
    {
        ["essential"] = JsonValue.Create(true),
        ["cpu"] = JsonValue.Create(0),
        ["protocol"] = JsonValue.Create("tcp"),
    };

    public static bool Matches(RegisterTaskDefinitionRequest desired, TaskDefinition registered) =>
        desired.Family == registered.Family
        && desired.Cpu == registered.Cpu
        && desired.Memory == registered.Memory
        && (desired.NetworkMode ?? "bridge") == (registered.NetworkMode ?? "bridge")
        && desired.TaskRoleArn == registered.TaskRoleArn
        && desired.ExecutionRoleArn == registered.ExecutionRoleArn
        && desired.RequiresCompatibilities.ToHashSet(StringComparer.Ordinal).SetEquals(registered.RequiresCompatibilities)
        && Covers(desired.ContainerDefinitions, registered.ContainerDefinitions);

    /// <summary>True when <paramref name="actual"/> says what <paramref name="desired"/> says, plus at most ECS defaults.</summary>
    public static bool Covers(JsonNode? desired, JsonNode? actual)
    {
        switch (desired)
        {
            case JsonObject desiredObject:
                if (actual is not JsonObject actualObject)
                {
                    return false;
                }
                foreach (var (key, value) in desiredObject)
                {
                    if (actualObject.TryGetPropertyValue(key, out var actualValue)
                        ? !Covers(value, actualValue)
                        : !IsEmpty(value))
                    {
                        return false;
                    }
                }
                return actualObject
                    .Where(p => !desiredObject.ContainsKey(p.Key))
                    .All(p => IsEmpty(p.Value) || IsEcsDefault(p.Key, p.Value, actualObject));
            case JsonArray desiredArray:
                return actual is JsonArray actualArray
                    && desiredArray.Count == actualArray.Count
                    && desiredArray.Zip(actualArray).All(pair => Covers(pair.First, pair.Second));
            default:
                return JsonNode.DeepEquals(desired, actual);
        }
    }

    private static bool IsEmpty(JsonNode? node) => node switch
    {
        null => true,
        JsonArray array => array.Count == 0,
        JsonObject obj => obj.Count == 0,
        JsonValue value => value.GetValueKind() == JsonValueKind.String && value.GetValue<string>().Length == 0,
        _ => false,
    };

    private static bool IsEcsDefault(string key, JsonNode? value, JsonObject owner) =>
        (EcsDefaults.TryGetValue(key, out var fallback) && JsonNode.DeepEquals(fallback, value))
        // ECS fills in hostPort (the containerPort in awsvpc and host modes, 0 for dynamic ports in bridge).
        || (key == "hostPort" && (JsonNode.DeepEquals(value, owner["containerPort"]) || JsonNode.DeepEquals(value, JsonValue.Create(0))));
}
