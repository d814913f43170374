using System.Text.Json.Nodes;
using OutpostServerless.StateMachine;

namespace OutpostServerless.Cli.Bench;

/// <summary>
/// Stands in for the provisioning functions: each Task state of statemachine/provision.asl.json answers
/// with a canned, plausible output that takes the happy path (capacity available, everything created),
/// so the benchmark measures the engine, not the steps. A state it does not know echoes its input.
/// </summary>
public sealed class ProvisioningStubInvoker : ITaskInvoker
{
    private static readonly Dictionary<string, string> Canned = new(StringComparer.Ordinal)
    {
        ["ValidateRequest"] = """
            {"provisioningId":"bench","outpostArn":"arn:aws:outposts:us-west-2:123456789012:outpost/op-0123456789abcdef0",
             "instanceType":"c5.large","instanceCount":2,"rollbackOnFailure":true,"capacityWait":{"maxSeconds":3600,"pollSeconds":60}}
            """,
        ["CheckCapacity"] = """{"hasCapacity":true,"exhausted":false,"freeSlots":4,"waitedSeconds":0,"nextWaitSeconds":60,"launchRejected":false}""",
        ["EnsureVpc"] = """{"vpcId":"vpc-0123456789abcdef0","created":true}""",
        ["EnsureSubnet"] = """{"subnetId":"subnet-0123456789abcdef0","created":true}""",
        ["EnsureSecurityGroup"] = """{"groupId":"sg-0123456789abcdef0","created":true}""",
        ["EnsureInstanceRole"] = """{"roleName":"bench-ecs-instance","instanceProfileArn":"arn:aws:iam::123456789012:instance-profile/bench-ecs-instance"}""",
        ["EnsureCluster"] = """{"clusterArn":"arn:aws:ecs:us-west-2:123456789012:cluster/bench","created":true}""",
        ["LaunchContainerInstances"] = """{"instanceIds":["i-0123456789abcdef0","i-0123456789abcdef1"]}""",
        ["CheckContainerInstances"] = """{"registered":2,"containerInstanceArns":["arn:aws:ecs:us-west-2:123456789012:container-instance/bench/1","arn:aws:ecs:us-west-2:123456789012:container-instance/bench/2"]}""",
        ["RegisterTaskDefinition"] = """{"taskDefinitionArn":"arn:aws:ecs:us-west-2:123456789012:task-definition/bench:1"}""",
        ["StartWorkload"] = """{"serviceArn":"arn:aws:ecs:us-west-2:123456789012:service/bench/bench"}""",
        ["Rollback"] = """{"deleted":[]}""",
    };

    // Parsed once; each call hands the engine its own copy, as a real function's fresh output would be.
    private readonly Dictionary<string, JsonNode?> _outputs = Canned.ToDictionary(p => p.Key, p => JsonNode.Parse(p.Value), StringComparer.Ordinal);

    public Task<TaskOutcome> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var output = _outputs.TryGetValue(invocation.StateName, out var canned) ? canned?.DeepClone() : invocation.Input?.DeepClone();
        return Task.FromResult(TaskOutcome.Success(output));
    }
}
