using System.Text.Json.Nodes;
using OutpostServerless.Provisioning.Request;

namespace OutpostServerless.Provisioning.Tests.World;

/// <summary>
/// Plans as ValidateRequest would produce them for the emulator's default world, built directly so
/// step tests do not depend on the validator. Vary them with <c>with { … }</c>.
/// </summary>
public static class TestPlans
{
    public const string OutpostId = "op-0123456789abcdef0";
    public const string OutpostArn = "arn:aws:outposts:us-west-2:123456789012:outpost/" + OutpostId;
    public const string EcsInstancePolicyArn = "arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role";

    public static ProvisioningPlan Default(string provisioningId = "prov-test-1") => new()
    {
        ProvisioningId = provisioningId,
        ExecutionId = provisioningId + "-execution-1",
        OutpostArn = OutpostArn,
        OutpostId = OutpostId,
        Region = "us-west-2",
        AccountId = "123456789012",
        AvailabilityZoneId = "usw2-az1",
        Network = new NetworkPlan
        {
            VpcCidr = "10.0.0.0/16",
            SubnetCidr = "10.0.3.0/24",
            SecurityGroupName = $"{provisioningId}-instances",
            Ingress =
            [
                new IngressRulePlan("tcp", 22, 22, "10.0.3.0/24", "ssh from the Outpost subnet"),
                new IngressRulePlan("tcp", 80, 80, "10.0.3.0/24", "http from the Outpost subnet"),
            ],
            Egress = new EgressPlan(EgressMode.InternetGateway),
        },
        Iam = new IamPlan
        {
            RoleName = $"{provisioningId}-instance",
            InstanceProfileName = $"{provisioningId}-instance",
            ManagedPolicyArns = [EcsInstancePolicyArn],
        },
        Cluster = new ClusterPlan
        {
            Name = provisioningId,
            InstanceType = "c5.large",
            InstanceCount = 2,
            KeyName = "outpost-key",
            ImagePullBehavior = "prefer-cached",
            ContainerInstanceTags = new Dictionary<string, string> { ["environment"] = "Outpost" },
        },
        Workload = new WorkloadPlan
        {
            Mode = "service",
            Family = "outpost-app",
            DesiredCount = 1,
            ServiceName = "outpost-service",
            TaskDefinition = TaskDefinition("outpost-app", "nginx:1.27"),
        },
        CapacityWait = new CapacityWaitPlan(MaxSeconds: 3600, PollSeconds: 30),
        RollbackOnFailure = true,
    };

    /// <summary>A small EC2-compatible task definition: one nginx container on port 80.</summary>
    public static JsonObject TaskDefinition(string family, string image) => new()
    {
        ["family"] = family,
        ["requiresCompatibilities"] = new JsonArray("EC2"),
        ["networkMode"] = "bridge",
        ["containerDefinitions"] = new JsonArray(new JsonObject
        {
            ["name"] = "web",
            ["image"] = image,
            ["memory"] = 256,
            ["cpu"] = 128,
            ["essential"] = true,
            ["portMappings"] = new JsonArray(new JsonObject { ["containerPort"] = 80, ["hostPort"] = 0 }),
        }),
    };

    public static ProvisioningPlan InTaskMode(this ProvisioningPlan plan, int desiredCount = 2) => plan with
    {
        Workload = plan.Workload with { Mode = "task", ServiceName = null, DesiredCount = desiredCount },
    };

    public static ProvisioningPlan WithExistingVpc(this ProvisioningPlan plan, string vpcId) => plan with
    {
        Network = plan.Network with { ExistingVpcId = vpcId, VpcCidr = null },
    };
}
