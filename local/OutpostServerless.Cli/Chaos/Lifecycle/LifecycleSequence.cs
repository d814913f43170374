using System.Text.Json.Nodes;

namespace OutpostServerless.Cli.Chaos.Lifecycle;

/// <summary>
/// One lifecycle sequence, drawn from (seed, sequence number) alone: several provisionings of the example
/// requests sharing the default Outpost, and a random order of creates, updates, unchanged re-runs and
/// teardowns. Each provisioning gets its own names (cluster, role, family, service) so that they share the
/// Outpost and the account, not their resources. Which operation comes next depends on how the previous
/// ones ended, so the sequence is drawn as it runs, from its own seeded random source.
/// </summary>
public sealed class LifecycleSequence(long seed, int number, IReadOnlyList<KeyValuePair<string, JsonObject>> examples)
{
    public const int Provisionings = 3;
    public const int Operations = 6;

    private readonly Random random = new(unchecked((int)(seed * 1_000_003L) ^ (int)(number * 104_729L)));
    private readonly Dictionary<string, JsonObject?> working = new(StringComparer.Ordinal);

    public int Number => number;

    public int FaultSeed { get; } = unchecked((int)(seed * 7_919L) ^ number);

    public IEnumerable<string> ProvisioningIds => Enumerable.Range(0, Provisionings).Select(Id);

    /// <summary>The request that last succeeded for <paramref name="provisioningId"/>; null while it has none (never applied, or torn down).</summary>
    public JsonObject? Working(string provisioningId) => working.GetValueOrDefault(provisioningId);

    /// <summary>The next operation, given what the last ones left (see <see cref="Succeeded"/>).</summary>
    public LifecycleOperation Next()
    {
        var id = Id(random.Next(Provisionings));
        var roll = random.NextDouble();
        if (Working(id) is not { } current)
        {
            return new LifecycleOperation(id, LifecycleAction.Create, NewRequest(id));
        }

        if (roll < 0.2)
        {
            return new LifecycleOperation(id, LifecycleAction.Teardown, current);
        }

        if (roll < 0.35)
        {
            return new LifecycleOperation(id, LifecycleAction.Rerun, current);
        }

        var (changed, change) = Changed(current);
        return new LifecycleOperation(id, LifecycleAction.Update, changed, change);
    }

    /// <summary>What succeeded is the provisioning's working state from now on (none after a teardown).</summary>
    public void Succeeded(LifecycleOperation operation) =>
        working[operation.ProvisioningId] = operation.Action == LifecycleAction.Teardown ? null : operation.Request;

    private string Id(int index) => $"lc-{number:D5}-{index}";

    private JsonObject NewRequest(string id)
    {
        var example = examples[random.Next(examples.Count)].Value.DeepClone().AsObject();
        example["provisioningId"] = id;
        example["cluster"]!["name"] = id;
        example["cluster"]!["instanceCount"] = random.Next(1, 4);
        example["iam"] = new JsonObject { ["roleName"] = id + "-ecs-instance" };
        var workload = example["workload"]!.AsObject();
        workload["taskDefinition"]!["family"] = id;
        if (workload["mode"]?.GetValue<string>() == "service")
        {
            workload["serviceName"] = id;
        }

        workload["desiredCount"] = 1;
        example["capacityWait"] = new JsonObject { ["maxSeconds"] = 1800, ["pollSeconds"] = 60 };
        example["onFailure"] = "rollback";
        return example;
    }

    private (JsonObject Request, string Change) Changed(JsonObject current)
    {
        var request = current.DeepClone().AsObject();
        var instances = request["cluster"]!["instanceCount"]!.GetValue<int>();
        var service = request["workload"]!["mode"]?.GetValue<string>() == "service";
        switch (random.Next(3))
        {
            case 0:
                var count = random.Next(1, 4);
                request["cluster"]!["instanceCount"] = count;
                // A service publishing a host port fits one task per instance.
                request["workload"]!["desiredCount"] = Math.Min(request["workload"]!["desiredCount"]!.GetValue<int>(), service ? count : 2 * count);
                return (request, $"cluster.instanceCount {instances}→{count}");
            case 1:
                var desired = random.Next(1, (service ? instances : 2 * instances) + 1);
                request["workload"]!["desiredCount"] = desired;
                return (request, $"workload.desiredCount →{desired}");
            default:
                var container = request["workload"]!["taskDefinition"]!["containerDefinitions"]![0]!;
                var tag = $"1.{random.Next(20, 99)}";
                container["image"] = container["image"]!.GetValue<string>().Split(':')[0] + ":" + tag;
                return (request, $"image →{tag}");
        }
    }
}
