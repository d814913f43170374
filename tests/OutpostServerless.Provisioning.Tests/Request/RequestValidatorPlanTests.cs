using System.Text.Json;
using System.Text.Json.Nodes;
using OutpostServerless.Provisioning.Request;
using Xunit;

namespace OutpostServerless.Provisioning.Tests.Request;

/// <summary>Valid requests become plans: defaults filled in, names derived, values in the form AWS reports them.</summary>
public sealed class RequestValidatorPlanTests
{
    private const string EcsInstancePolicy = "arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role";

    private static readonly RequestValidator Validator = new();

    private static ProvisioningPlan PlanOf(string json, string? executionName = "exec-1", Action<JsonObject>? edit = null)
    {
        var request = SampleRequests.Parse(json);
        edit?.Invoke(request);
        var validation = Validator.Validate(request, executionName);
        Assert.True(validation.IsValid, string.Join("\n", validation.Errors));
        return validation.Plan;
    }

    [Fact]
    public void The_web_service_request_keeps_every_value_it_gives()
    {
        var plan = PlanOf(SampleRequests.WebService);

        Assert.Equal("shop-web", plan.ProvisioningId);
        Assert.Equal("usw2-az2", plan.AvailabilityZoneId);
        Assert.Null(plan.Network.ExistingVpcId);
        Assert.Equal("10.20.0.0/16", plan.Network.VpcCidr);
        Assert.Equal("10.20.4.0/24", plan.Network.SubnetCidr);
        Assert.Equal("shop-web-instances", plan.Iam.RoleName);
        Assert.Equal("shop", plan.Cluster.Name);
        Assert.Equal("c5.xlarge", plan.Cluster.InstanceType);
        Assert.Equal(3, plan.Cluster.InstanceCount);
        Assert.Equal("ami-0123456789abcdef0", plan.Cluster.AmiId);
        Assert.Equal("shop-ops", plan.Cluster.KeyName);
        Assert.Equal("once", plan.Cluster.ImagePullBehavior);
        Assert.Equal(new Dictionary<string, string> { ["environment"] = "Outpost", ["team"] = "shop" }, plan.Cluster.ContainerInstanceTags);
        Assert.Equal("service", plan.Workload.Mode);
        Assert.Equal("shop-frontend", plan.Workload.ServiceName);
        Assert.Equal(3, plan.Workload.DesiredCount);
        Assert.Equal(new CapacityWaitPlan(7200, 120), plan.CapacityWait);
        Assert.False(plan.RollbackOnFailure);
    }

    [Fact]
    public void The_Region_account_and_Outpost_id_come_from_the_Outpost_ARN()
    {
        var plan = PlanOf(SampleRequests.WebService);

        Assert.Equal(("us-west-2", "111122223333", "op-0abcdef0123456789"), (plan.Region, plan.AccountId, plan.OutpostId));
        Assert.Equal("arn:aws:outposts:us-west-2:111122223333:outpost/op-0abcdef0123456789", plan.OutpostArn);
    }

    [Fact]
    public void The_batch_task_request_gets_every_default()
    {
        var plan = PlanOf(SampleRequests.BatchTask, SampleRequests.BatchExecutionName);

        Assert.Equal(SampleRequests.BatchExecutionName, plan.ProvisioningId);
        Assert.Equal(SampleRequests.BatchExecutionName, plan.Cluster.Name);
        Assert.Equal($"{SampleRequests.BatchExecutionName}-ecs-instance", plan.Iam.RoleName);
        Assert.Equal(plan.Iam.RoleName, plan.Iam.InstanceProfileName);
        Assert.Equal([EcsInstancePolicy], plan.Iam.ManagedPolicyArns);
        Assert.Equal($"{SampleRequests.BatchExecutionName}-container-instances", plan.Network.SecurityGroupName);
        Assert.Empty(plan.Network.Ingress);
        Assert.Equal("prefer-cached", plan.Cluster.ImagePullBehavior);
        Assert.Empty(plan.Cluster.ContainerInstanceTags);
        Assert.Null(plan.Cluster.AmiId);
        Assert.Null(plan.Cluster.KeyName);
        Assert.Equal(1, plan.Workload.DesiredCount);
        Assert.Null(plan.Workload.ServiceName);
        Assert.Equal(new CapacityWaitPlan(3600, 60), plan.CapacityWait);
        Assert.True(plan.RollbackOnFailure);
    }

    [Fact]
    public void A_request_without_a_capacity_wait_gets_the_deployments_default()
    {
        var validator = new RequestValidator(RequestSchema.Shared, defaultCapacityWaitSeconds: 900);

        var validation = validator.Validate(SampleRequests.Parse(SampleRequests.BatchTask), SampleRequests.BatchExecutionName);

        Assert.Equal(900, validation.Plan!.CapacityWait.MaxSeconds);
    }

    [Fact]
    public void A_request_naming_an_existing_VPC_plans_no_VPC_to_create()
    {
        var plan = PlanOf(SampleRequests.BatchTask, SampleRequests.BatchExecutionName);

        Assert.Equal("vpc-0a1b2c3d4e5f67890", plan.Network.ExistingVpcId);
        Assert.Null(plan.Network.VpcCidr);
    }

    [Fact]
    public void The_provisioning_id_in_the_request_wins_over_the_execution_name()
    {
        Assert.Equal("shop-web", PlanOf(SampleRequests.WebService, "some-execution").ProvisioningId);
    }

    [Fact]
    public void The_service_name_defaults_to_the_task_definition_family_in_service_mode()
    {
        var plan = PlanOf(SampleRequests.WebService, edit: r => r["workload"]!.AsObject().Remove("serviceName"));

        Assert.Equal("shop-web", plan.Workload.ServiceName);
    }

    [Fact]
    public void The_ECS_agent_policy_is_attached_once_even_when_the_request_lists_it()
    {
        var plan = PlanOf(SampleRequests.WebService);

        Assert.Equal([EcsInstancePolicy, "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"], plan.Iam.ManagedPolicyArns);
    }

    [Fact]
    public void The_ECS_agent_policy_is_in_the_partition_of_the_Outpost()
    {
        var plan = PlanOf(SampleRequests.BatchTask, "cn-job", r =>
        {
            r["outpostArn"] = "arn:aws-cn:outposts:cn-north-1:111122223333:outpost/op-0abcdef0123456789";
            r["availabilityZoneId"] = "cnn1-az1";
        });

        Assert.Equal(["arn:aws-cn:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role"], plan.Iam.ManagedPolicyArns);
    }

    [Fact]
    public void A_long_provisioning_id_gets_a_role_name_within_IAMs_64_characters()
    {
        var id = new string('p', 64);

        var plan = PlanOf(SampleRequests.BatchTask, id);

        Assert.True(plan.Iam.RoleName.Length <= 64, plan.Iam.RoleName);
        Assert.EndsWith("-ecs-instance", plan.Iam.RoleName, StringComparison.Ordinal);
        Assert.Equal(plan.Iam.RoleName, plan.Iam.InstanceProfileName);
    }

    [Fact]
    public void Ingress_rules_get_EC2s_port_defaults()
    {
        var plan = PlanOf(SampleRequests.WebService, edit: r => RequestEdit.Apply(r, "network.ingress[3]", """{ "protocol": "-1", "cidr": "10.20.0.0/16" }"""));

        Assert.Equal(
            [
                new IngressRulePlan("tcp", 443, 443, "0.0.0.0/0", "HTTPS from anywhere"),
                new IngressRulePlan("tcp", 22, 22, "10.20.4.0/24", "SSH inside the subnet"),
                new IngressRulePlan("icmp", 8, -1, "10.0.0.0/8", null),
                new IngressRulePlan("-1", -1, -1, "10.20.0.0/16", null),
            ],
            plan.Network.Ingress);
    }

    [Fact]
    public void CIDRs_are_planned_in_the_canonical_form_EC2_reports()
    {
        var plan = PlanOf(SampleRequests.WebService, edit: r =>
        {
            RequestEdit.Apply(r, "network.vpcCidr", "\"10.20.7.9/16\"");
            RequestEdit.Apply(r, "network.subnetCidr", "\"10.20.4.77/24\"");
            RequestEdit.Apply(r, "network.ingress[0].cidr", "\"2001:db8::1/32\"");
        });

        Assert.Equal(("10.20.0.0/16", "10.20.4.0/24", "2001:db8::/32"), (plan.Network.VpcCidr, plan.Network.SubnetCidr, plan.Network.Ingress[0].Cidr));
    }

    [Fact]
    public void SSH_from_anywhere_is_accepted_when_the_request_allows_it_explicitly()
    {
        var plan = PlanOf(SampleRequests.WebService, edit: r =>
        {
            RequestEdit.Apply(r, "network.ingress[1].cidr", "\"0.0.0.0/0\"");
            RequestEdit.Apply(r, "network.allowSshFromAnywhere", "true");
        });

        Assert.Equal("0.0.0.0/0", plan.Network.Ingress[1].Cidr);
    }

    [Fact]
    public void The_task_definition_defaults_to_EC2_compatibility_and_keeps_ECS_members()
    {
        var plan = PlanOf(SampleRequests.BatchTask, SampleRequests.BatchExecutionName);

        Assert.Equal("ledger-reconcile", plan.Workload.Family);
        Assert.Equal(["EC2"], plan.Workload.TaskDefinition["requiresCompatibilities"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal("echo reconciling\nsleep 30", plan.Workload.TaskDefinition["containerDefinitions"]![0]!["command"]![2]!.GetValue<string>());
    }

    [Fact]
    public void Validation_leaves_the_callers_request_unchanged()
    {
        var request = SampleRequests.Parse(SampleRequests.BatchTask);
        var before = request.ToJsonString();

        Validator.Validate(request, SampleRequests.BatchExecutionName);

        Assert.Equal(before, request.ToJsonString());
    }

    [Fact]
    public void The_plan_round_trips_through_camelCase_JSON()
    {
        var plan = PlanOf(SampleRequests.WebService);

        var json = JsonSerializer.Serialize(plan, RequestJsonContext.Default.ProvisioningPlan);
        var back = JsonSerializer.Deserialize(json, RequestJsonContext.Default.ProvisioningPlan)!;

        Assert.Contains("\"provisioningId\":\"shop-web\"", json, StringComparison.Ordinal);
        Assert.Equal(JsonSerializer.Serialize(back, RequestJsonContext.Default.ProvisioningPlan), json);
    }

    [Fact]
    public void Two_validators_can_exist_side_by_side()
    {
        var other = new RequestValidator();

        Assert.True(other.Validate(SampleRequests.Parse(SampleRequests.WebService), null).IsValid);
    }

    [Fact]
    public void A_request_built_in_code_validates_like_parsed_JSON()
    {
        var request = SampleRequests.Parse(SampleRequests.BatchTask);
        request["cluster"] = new JsonObject { ["instanceType"] = "m5.large", ["instanceCount"] = 2L };

        var validation = Validator.Validate(request, SampleRequests.BatchExecutionName);

        Assert.Equal(2, validation.Plan?.Cluster.InstanceCount);
    }
}
