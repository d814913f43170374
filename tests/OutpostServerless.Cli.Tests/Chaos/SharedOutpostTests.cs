using OutpostServerless.Emulator;

namespace OutpostServerless.Cli.Tests.Chaos;

/// <summary>
/// A provisioning on an Outpost another account shares with this one (AWS RAM): the AWS/Outposts metrics are in
/// the owner's account, so a gate that needed them would wait out capacityWait.maxSeconds and fail.
/// </summary>
public sealed class SharedOutpostTests
{
    private const string OwnerAccountId = "111122223333";

    [Fact]
    public async Task A_run_on_a_shared_Outpost_succeeds_without_waiting_for_metrics_it_cannot_see()
    {
        var world = new ChaosWorld(new EmulatorOptions { Outposts = [OutpostOption.DefaultRack with { OwnerAccountId = OwnerAccountId }] });
        var request = ChaosWorld.Request("web-service", "on-shared", instanceCount: 2, maxWaitSeconds: 3600);
        request["outpostArn"] = world.Cloud.DefaultOutpostArn;

        var execution = await world.RunAsync(request, "on-shared");

        Assert.Equal($"arn:aws:outposts:us-west-2:{OwnerAccountId}:outpost/{world.Cloud.DefaultOutpostId}", world.Cloud.DefaultOutpostArn);
        Assert.Equal("SUCCEEDED", execution.Status);
        Assert.DoesNotContain("WaitForCapacity", ChaosWorld.StatesEntered(execution));
        var gate = execution.History.First(e => e.Type == "TaskStateExited" && e.StateName == "CheckCapacity");
        Assert.Contains("\"capacitySource\":\"instance-types\"", gate.Details!["output"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(world.Clock.GetUtcNow() - world.Start < TimeSpan.FromSeconds(3600), $"took {world.Clock.GetUtcNow() - world.Start}");
    }
}
