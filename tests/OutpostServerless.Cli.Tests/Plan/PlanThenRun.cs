using System.Text.Json.Nodes;

namespace OutpostServerless.Cli.Tests.Plan;

/// <summary>Which resource of <c>plan</c>'s output each mutating AWS call of a run changes, so a plan and the run after it can be compared.</summary>
internal static class PlanThenRun
{
    private static readonly Dictionary<string, string> ResourceOfOperation = new(StringComparer.Ordinal)
    {
        ["ec2:CreateVpc"] = "vpc",
        ["ec2:CreateSubnet"] = "subnet",
        ["ec2:CreateSecurityGroup"] = "security-group",
        ["ec2:AuthorizeSecurityGroupIngress"] = "security-group",
        ["ec2:CreateRouteTable"] = "egress",
        ["ec2:AssociateRouteTable"] = "egress",
        ["ec2:CreateRoute"] = "egress",
        ["ec2:CreateInternetGateway"] = "egress",
        ["ec2:AttachInternetGateway"] = "egress",
        ["ec2:ModifySubnetAttribute"] = "egress",
        ["ec2:CreateLocalGatewayRouteTableVpcAssociation"] = "egress",
        ["ec2:RevokeSecurityGroupIngress"] = "security-group",
        ["iam:CreateRole"] = "iam-role",
        ["iam:AttachRolePolicy"] = "iam-role",
        ["iam:DetachRolePolicy"] = "iam-role",
        ["iam:PutRolePolicy"] = "iam-role",
        ["iam:CreateInstanceProfile"] = "instance-profile",
        ["iam:AddRoleToInstanceProfile"] = "instance-profile",
        ["ecs:CreateCluster"] = "cluster",
        // Creating the cluster first ensures the account's ECS service-linked role.
        ["iam:CreateServiceLinkedRole"] = "cluster",
        ["ec2:RunInstances"] = "container-instances",
        ["ec2:TerminateInstances"] = "container-instances",
        ["ecs:UpdateContainerInstancesState"] = "container-instances",
        ["ecs:DeregisterContainerInstance"] = "container-instances",
        ["ecs:RegisterTaskDefinition"] = "task-definition",
        ["ecs:CreateService"] = "service",
        ["ecs:UpdateService"] = "service",
        ["ecs:RunTask"] = "tasks",
        ["ecs:StopTask"] = "tasks",
    };

    /// <summary>The resources <c>plan --json</c> says applying changes (any action but no-op).</summary>
    public static IReadOnlyList<string> Planned(JsonNode plan) =>
        [.. plan["changes"]!.AsArray().Where(c => c!["action"]!.GetValue<string>() != "no-op").Select(c => c!["resource"]!.GetValue<string>()).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>The resources <c>run --json</c>'s mutating calls changed; an operation this table does not know fails the test by name.</summary>
    public static IReadOnlyList<string> Changed(JsonNode run) =>
        [.. run["apiCalls"]!.AsObject()
            .Select(call => call.Key)
            .Where(operation => OutpostServerless.Emulator.Calls.ApiCallLog.IsMutating(operation))
            .Select(operation => ResourceOfOperation.TryGetValue(operation, out var resource) ? resource : $"(unmapped {operation})")
            .Distinct()
            .Order(StringComparer.Ordinal)];
}
