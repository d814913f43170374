using OutpostServerless.Emulator;
using OutpostServerless.Emulator.Sam;
using OutpostServerless.StateMachine;

namespace OutpostServerless.Cli.Tests.Template;

/// <summary>
/// Least privilege, proved: across every path of the workflow (<see cref="WorkflowSuite"/>), each function
/// called a set of AWS actions; its role in template.yaml grants exactly those, plus what AWS authorizes on
/// top of them (<see cref="ImpliedActions"/>), no more and no fewer.
/// </summary>
public sealed class LeastPrivilegeTests
{
    private static readonly SamTemplate Template = SamTemplate.Load(RepositoryFiles.Template, new SamEnvironment("us-west-2", "123456789012"));

    public static TheoryData<string> Functions => [.. Template.Functions.Keys.Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Functions))]
    public async Task A_function_role_grants_exactly_the_actions_the_function_called_and_what_they_imply(string function)
    {
        var called = await CalledBy(function);

        var granted = new FunctionPolicy(Template.Functions[function]).Actions;

        var needed = ImpliedActions.Expand(called.Concat(ImpliedActions.RaceOnlyCallsByFunction.GetValueOrDefault(function, [])));
        Assert.True(needed.SetEquals(granted),
            $"{function}: granted but never called: [{string.Join(", ", granted.Except(needed))}]; called but not granted: [{string.Join(", ", needed.Except(granted))}]");
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public void A_function_role_holds_only_its_own_statements(string function)
    {
        Assert.Empty(Template.Functions[function].OtherPolicies);
    }

    [Theory]
    [InlineData("ec2:CreateTags", "ec2:CreateAction")]
    [InlineData("ecs:TagResource", "ecs:CreateAction")]
    public async Task Tagging_is_granted_only_on_create_for_exactly_the_creates_the_function_calls(string tagAction, string conditionKey)
    {
        foreach (var (function, sam) in Template.Functions)
        {
            var statements = new FunctionPolicy(sam).StatementsGranting(tagAction).ToList();
            var createActions = statements
                .SelectMany(s => FunctionPolicy.Strings(s["Condition"]?["StringEquals"]?[conditionKey]))
                .ToHashSet(StringComparer.Ordinal);

            Assert.All(statements, s => Assert.NotNull(s["Condition"]?["StringEquals"]?[conditionKey]));
            Assert.Equal(ImpliedActions.CreateActionsFor(tagAction, await CalledBy(function)), new SortedSet<string>(createActions, StringComparer.Ordinal));
        }
    }

    [Fact]
    public void PassRole_is_granted_only_for_the_workflow_instance_roles_and_only_to_EC2()
    {
        var passRole = Template.Functions.Values.SelectMany(f => new FunctionPolicy(f).StatementsGranting("iam:PassRole")).ToList();

        Assert.NotEmpty(passRole);
        Assert.All(passRole, statement =>
        {
            Assert.Equal(["iam:PassRole"], FunctionPolicy.ActionsOf(statement));
            Assert.Equal(["arn:aws:iam::123456789012:role/outpost-serverless/*"], FunctionPolicy.ResourcesOf(statement));
            Assert.Equal("ec2.amazonaws.com", statement["Condition"]?["StringEquals"]?["iam:PassedToService"]?.GetValue<string>());
        });
    }

    [Fact]
    public void AttachRolePolicy_may_attach_only_the_ECS_instance_policy_and_the_stack_s_allowed_policies()
    {
        var allowed = Template.Functions["EnsureInstanceRoleFunction"].Variables["OUTPOST_SERVERLESS_ALLOWED_MANAGED_POLICY_ARNS"].Split(',');
        var attach = Template.Functions.Values.SelectMany(f => new FunctionPolicy(f).StatementsGranting("iam:AttachRolePolicy")).ToList();

        Assert.Equal(4, attach.Count); // EnsureInstanceRole attaches, Rollback restores: each with both statements
        Assert.All(attach, statement =>
        {
            Assert.Equal(["iam:AttachRolePolicy"], FunctionPolicy.ActionsOf(statement));
            var policies = FunctionPolicy.Strings(statement["Condition"]?["ArnEquals"]?["iam:PolicyARN"]).ToList();
            Assert.True(
                policies.SequenceEqual(["arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role"]) || policies.SequenceEqual(allowed),
                $"{statement.ToJsonString()} may attach [{string.Join(", ", policies)}]");
        });
        Assert.DoesNotContain("arn:aws:iam::aws:policy/AdministratorAccess", allowed);
    }

    [Theory]
    [InlineData("ecs:DeleteCluster", "cluster")]
    [InlineData("ecs:DeregisterContainerInstance", "cluster")] // ECS authorizes it on the cluster (Service Authorization Reference, ECS)
    [InlineData("ecs:DeleteService", "service")]
    [InlineData("ecs:UpdateService", "service")]
    [InlineData("ecs:StopTask", "task")]
    public void Ecs_deletes_stops_and_service_changes_reach_only_resources_tagged_with_a_provisioning_id(string action, string resourceType)
    {
        var grants = Template.Functions.Values.SelectMany(f => new FunctionPolicy(f).StatementsGranting(action)).ToList();

        Assert.NotEmpty(grants);
        Assert.All(grants, statement =>
        {
            Assert.Equal("false", statement["Condition"]?["Null"]?[$"aws:ResourceTag/{OutpostServerless.Provisioning.Tagging.ProvisioningTags.ProvisioningIdKey}"]?.GetValue<string>());
            Assert.Contains($"arn:aws:ecs:us-west-2:123456789012:{resourceType}/*", FunctionPolicy.ResourcesOf(statement));
            Assert.All(FunctionPolicy.ResourcesOf(statement), resource => Assert.Matches(@"^arn:aws:ecs:us-west-2:123456789012:(cluster|service|task)/\*$", resource));
        });
    }

    [Fact]
    public void Iam_actions_reach_only_roles_and_instance_profiles_under_the_workflow_path()
    {
        // ECS's service-linked role is the one other role, held to its own test below.
        var iamStatements = Template.Functions.Values
            .SelectMany(f => f.PolicyStatements)
            .Where(s => FunctionPolicy.ActionsOf(s).Any(a => a.StartsWith("iam:", StringComparison.Ordinal)))
            .Where(s => !FunctionPolicy.ActionsOf(s).Contains("iam:CreateServiceLinkedRole"));

        // Lookups by name are the exception: IAM authorizes GetRole/GetInstanceProfile of a name that does not
        // exist yet against the path-less ARN, and the steps need NoSuchEntity, not AccessDenied, back.
        var (lookups, others) = (iamStatements.Where(IsNameLookup).ToList(), iamStatements.Where(s => !IsNameLookup(s)).ToList());
        Assert.All(others, statement => Assert.All(FunctionPolicy.ResourcesOf(statement), resource =>
            Assert.Matches(@"^arn:aws:iam::123456789012:(role|instance-profile)/outpost-serverless/\*$", resource)));
        Assert.All(lookups, statement => Assert.Equal(
            ["arn:aws:iam::123456789012:instance-profile/*", "arn:aws:iam::123456789012:role/*"],
            FunctionPolicy.ResourcesOf(statement).Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void Only_EnsureCluster_may_create_a_service_linked_role_and_only_ECSs_own()
    {
        var grants = Template.Functions
            .SelectMany(f => new FunctionPolicy(f.Value).StatementsGranting("iam:CreateServiceLinkedRole").Select(s => (Function: f.Key, Statement: s)))
            .ToList();

        var (function, statement) = Assert.Single(grants);
        Assert.Equal("EnsureClusterFunction", function);
        Assert.Equal(["iam:CreateServiceLinkedRole"], FunctionPolicy.ActionsOf(statement));
        Assert.Equal(["arn:aws:iam::123456789012:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS*"], FunctionPolicy.ResourcesOf(statement));
        Assert.Equal("ecs.amazonaws.com", statement["Condition"]?["StringEquals"]?["iam:AWSServiceName"]?.GetValue<string>());
    }

    private static bool IsNameLookup(System.Text.Json.Nodes.JsonObject statement) =>
        FunctionPolicy.ActionsOf(statement).All(a => a is "iam:GetRole" or "iam:GetInstanceProfile");

    [Fact]
    public void Only_the_name_lookups_reach_beyond_the_workflow_path()
    {
        var lookups = Template.Functions.Values.SelectMany(f => f.PolicyStatements).Where(IsNameLookup).ToList();

        Assert.NotEmpty(lookups);
        Assert.All(lookups, statement => Assert.Equal(["iam:GetInstanceProfile", "iam:GetRole"], FunctionPolicy.ActionsOf(statement).Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void The_workflow_path_of_the_template_is_the_path_EnsureInstanceRole_creates_under()
    {
        Assert.Equal("/outpost-serverless/", OutpostServerless.Provisioning.Steps.EnsureInstanceRole.IamPath);
    }

    [Fact]
    public void Ssm_parameters_are_readable_only_under_the_ECS_public_parameters()
    {
        var ssm = Template.Functions.Values.SelectMany(f => new FunctionPolicy(f).StatementsGranting("ssm:GetParameter")).ToList();

        Assert.NotEmpty(ssm);
        Assert.All(ssm, s => Assert.Equal(["arn:aws:ssm:us-west-2::parameter/aws/service/ecs/*"], FunctionPolicy.ResourcesOf(s)));
    }

    [Fact]
    public async Task Every_AWS_call_of_the_suite_is_attributed_to_the_function_that_made_it()
    {
        var runs = await WorkflowSuite.RunsAsync();

        var calls = runs.SelectMany(r => r.Calls).ToList();

        Assert.NotEmpty(calls);
        Assert.All(calls, call => Assert.Contains(call.Caller ?? "(no caller)", Template.Functions.Keys));
    }

    [Theory]
    [InlineData("web-service succeeds", "SUCCEEDED", null)]
    [InlineData("capacity arrives after a wait", "SUCCEEDED", null)]
    [InlineData("the Outpost refuses the launch", "SUCCEEDED", null)]
    [InlineData("the capacity wait is spent", "FAILED", "Provisioning.CapacityUnavailable")]
    [InlineData("a failed task rolls back", "FAILED", "InvalidParameterException")]
    [InlineData("a failure after the service exists rolls it back", "FAILED", "AccessDeniedException")]
    [InlineData("a failure on a finished provisioning deletes nothing", "FAILED", "AccessDeniedException")]
    [InlineData("a failure after the tasks started stops them", "FAILED", "AccessDeniedException")]
    [InlineData("a web service re-run changes nothing", "SUCCEEDED", null)]
    [InlineData("a new image replaces the tasks", "SUCCEEDED", null)]
    [InlineData("scale out, then in", "SUCCEEDED", null)]
    [InlineData("a task-mode instance type change stops the tasks on the old instance", "SUCCEEDED", null)]
    [InlineData("an instance type change replaces the instances", "SUCCEEDED", null)]
    [InlineData("a failed scale-in puts the drained instances back", "FAILED", "UnauthorizedOperation")]
    [InlineData("a failed update restores the service, ingress and policies", "FAILED", "AccessDeniedException")]
    [InlineData("a rollback waits for instances EC2 cannot reach yet", "FAILED", "InvalidParameterException")]
    [InlineData("a failure with retain keeps everything", "FAILED", "InvalidParameterException")]
    [InlineData("an invalid request calls nothing", "FAILED", "Provisioning.InvalidRequest")]
    [InlineData("a web service is torn down", "SUCCEEDED", null)]
    [InlineData("a batch task is torn down twice", "SUCCEEDED", null)]
    [InlineData("a local-gateway provisioning is torn down", "SUCCEEDED", null)]
    [InlineData("a teardown waits for instances EC2 cannot reach yet", "SUCCEEDED", null)]
    [InlineData(WorkflowSuite.ApiScenario, "SUCCEEDED", null)]
    [InlineData(WorkflowSuite.QueueScenario, "SUCCEEDED", null)]
    public async Task The_suite_takes_the_path_each_scenario_names(string scenario, string status, string? error)
    {
        var run = (await WorkflowSuite.RunsAsync()).Single(r => r.Name == scenario);

        var last = run.Executions[^1];

        Assert.Equal((status, error), (last.Status, last.Error));
    }

    [Theory]
    [InlineData("a failed task rolls back", "ec2:TerminateInstances")]
    [InlineData("a failure after the service exists rolls it back", "ecs:DeleteService")]
    [InlineData("a failure after the tasks started stops them", "ecs:StopTask")]
    [InlineData("a new image replaces the tasks", "ecs:StopTask")]
    [InlineData("scale out, then in", "ecs:UpdateContainerInstancesState")]
    [InlineData("an instance type change replaces the instances", "ec2:TerminateInstances")]
    [InlineData("a failed scale-in puts the drained instances back", "ecs:UpdateContainerInstancesState")]
    [InlineData("a failed update restores the service, ingress and policies", "ecs:UpdateService")]
    [InlineData("a failed update restores the service, ingress and policies", "ec2:RevokeSecurityGroupIngress")]
    [InlineData("a failed update restores the service, ingress and policies", "iam:DetachRolePolicy")]
    [InlineData("a rollback waits for instances EC2 cannot reach yet", "ecs:DeregisterContainerInstance")]
    [InlineData("the capacity wait is spent", "cloudwatch:GetMetricData")]
    [InlineData("a batch task is torn down twice", "ecs:StopTask")]
    [InlineData("a web service is torn down", "ecs:DeleteService")]
    [InlineData("a local-gateway provisioning is torn down", "ec2:DeleteLocalGatewayRouteTableVpcAssociation")]
    [InlineData(WorkflowSuite.ApiScenario, "states:StartExecution")]
    [InlineData(WorkflowSuite.ApiScenario, "ecs:DeleteService")]
    [InlineData(WorkflowSuite.QueueScenario, "states:SendTaskSuccess")]
    [InlineData(WorkflowSuite.QueueScenario, "dynamodb:DeleteItem")]
    public async Task The_rollback_and_wait_scenarios_reach_the_calls_they_are_there_for(string scenario, string operation)
    {
        var run = (await WorkflowSuite.RunsAsync()).Single(r => r.Name == scenario);

        Assert.Contains(run.Calls, call => call.Operation == operation && call.ErrorCode is null);
    }

    [Fact]
    public async Task A_call_through_a_functions_ports_is_recorded_with_that_function_and_one_through_the_plain_ports_with_none()
    {
        var cloud = new EmulatedCloud(new VirtualClock(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero)));

        await cloud.PortsFor("EnsureVpcFunction").Ec2.DescribeVpcsAsync(new Amazon.EC2.Model.DescribeVpcsRequest(), CancellationToken.None);
        await cloud.Ports.Ec2.DescribeVpcsAsync(new Amazon.EC2.Model.DescribeVpcsRequest(), CancellationToken.None);

        Assert.Equal(["EnsureVpcFunction", null], cloud.Calls.All.Select(c => c.Caller));
    }

    [Fact]
    public async Task Two_worlds_side_by_side_each_record_only_their_own_callers()
    {
        var clock = new VirtualClock(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        var first = new EmulatedCloud(clock);
        var second = new EmulatedCloud(clock);

        await Task.WhenAll(
            first.PortsFor("EnsureVpcFunction").Ec2.DescribeVpcsAsync(new Amazon.EC2.Model.DescribeVpcsRequest(), CancellationToken.None),
            second.PortsFor("EnsureSubnetFunction").Ec2.DescribeSubnetsAsync(new Amazon.EC2.Model.DescribeSubnetsRequest(), CancellationToken.None));

        Assert.Equal(["EnsureVpcFunction"], first.Calls.All.Select(c => c.Caller));
        Assert.Equal(["EnsureSubnetFunction"], second.Calls.All.Select(c => c.Caller));
    }

    private static async Task<IEnumerable<string>> CalledBy(string function) =>
        (await WorkflowSuite.RunsAsync()).SelectMany(r => r.Calls).Where(c => c.Caller == function).Select(c => c.Operation).Distinct();
}
