using OutpostServerless.Cli.Chaos;

namespace OutpostServerless.Cli.Tests.Chaos;

/// <summary>
/// A function that dies right after an AWS call succeeded leaves the change made but unreported: the
/// retried step must find it instead of making it again. One scenario per mutating call site.
/// </summary>
public sealed class CrashAfterEveryCallTests
{
    [Theory]
    [InlineData("web-service")]
    [InlineData("batch-task")]
    public async Task A_crash_right_after_each_mutating_call_in_turn_still_ends_with_exactly_one_set_of_resources(string example)
    {
        var provisioningId = $"crash-{example}";
        var request = ChaosWorld.Request(example, provisioningId, instanceCount: 2);
        var expected = ChaosWorld.NonZero(ExpectedInventory.For(request, provisioningId));
        var clean = new ChaosWorld();
        Assert.Equal("SUCCEEDED", (await clean.RunAsync(request, "clean")).Status);
        var callSites = clean.Cloud.Calls.All.Where(c => c.IsMutating && c.Succeeded).Select(c => c.Operation).ToList();

        var broken = new List<string>();
        for (var site = 1; site <= callSites.Count; site++)
        {
            var world = new ChaosWorld();
            var mutating = 0;
            var fatalSite = site;
            CrashingInvoker? crashing = null;
            var execution = await world.RunAsync(request, $"crash-{site}", inner => crashing = new CrashingInvoker(inner, world.Cloud.Calls)
            {
                Plan = _ => call => call.IsMutating && ++mutating == fatalSite,
            });

            var inventory = world.Inventory(provisioningId);
            if (execution.Status != "SUCCEEDED" || crashing!.Crashes != 1 || !Same(expected, inventory))
            {
                broken.Add($"crash after call {site} ({callSites[site - 1]}): {execution.Status} {execution.Error}, {crashing!.Crashes} crash(es), "
                    + string.Join(", ", inventory.OrderBy(i => i.Key).Select(i => $"{i.Key}={i.Value}")));
            }
        }

        Assert.Empty(broken);
        Assert.Contains("ec2:CreateVpc", callSites);
        Assert.Contains("ec2:RunInstances", callSites);
        Assert.Contains("iam:AddRoleToInstanceProfile", callSites);
    }

    private static bool Same(Dictionary<string, int> expected, Dictionary<string, int> actual) =>
        expected.Count == actual.Count && expected.All(e => actual.GetValueOrDefault(e.Key) == e.Value);
}
