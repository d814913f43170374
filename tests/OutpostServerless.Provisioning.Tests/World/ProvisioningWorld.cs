using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OutpostServerless.Aws;
using OutpostServerless.Emulator;
using OutpostServerless.Provisioning.Errors;
using OutpostServerless.Provisioning.Queue;
using OutpostServerless.Provisioning.Request;
using OutpostServerless.Provisioning.Steps;
using OutpostServerless.Provisioning.Tagging;

namespace OutpostServerless.Provisioning.Tests.World;

/// <summary>
/// One emulated account with a plan, in a line: <c>var world = ProvisioningWorld.Create();</c>.
/// Gives each step wired to the emulator's ports and a virtual clock, runs the workflow up to a
/// stage, and counts mutating calls so tests can say "the second call changed nothing".
/// </summary>
public sealed class ProvisioningWorld
{
    public static readonly DateTimeOffset Start = new(2025, 1, 15, 10, 0, 0, TimeSpan.Zero);

    private ProvisioningWorld(FakeTimeProvider clock, EmulatedCloud cloud, ProvisioningPlan plan)
    {
        Clock = clock;
        Cloud = cloud;
        Plan = plan;
    }

    public FakeTimeProvider Clock { get; }
    public EmulatedCloud Cloud { get; }
    public ProvisioningPlan Plan { get; }
    public AwsPorts Aws => Cloud.Ports;
    public CapacityQueue Queue => new(Aws.DynamoDb, CapacityQueue.DefaultTableName);

    public static ProvisioningWorld Create(Func<ProvisioningPlan, ProvisioningPlan>? customize = null, EmulatorOptions? options = null)
    {
        var clock = new FakeTimeProvider(Start);
        var cloud = new EmulatedCloud(clock, options);
        // The capacity queue's table, keyed as template.yaml's CapacityQueueTable.
        cloud.DeployTable(new CreateTableRequest
        {
            TableName = CapacityQueue.DefaultTableName,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = [new AttributeDefinition("queue", ScalarAttributeType.S), new AttributeDefinition("provisioningId", ScalarAttributeType.S)],
            KeySchema = [new KeySchemaElement("queue", KeyType.HASH), new KeySchemaElement("provisioningId", KeyType.RANGE)],
        });
        var plan = TestPlans.Default();
        return new ProvisioningWorld(clock, cloud, customize is null ? plan : customize(plan));
    }

    /// <summary>The same account and clock, another plan (another provisioning, or the same one changed).</summary>
    public ProvisioningWorld WithPlan(Func<ProvisioningPlan, ProvisioningPlan> change) => new(Clock, Cloud, change(Plan));

    // The steps, wired as the Lambda host wires them.
    public CheckCapacity CheckCapacity => new(Aws, Queue, Clock, NullLogger<CheckCapacity>.Instance);
    public JoinCapacityQueue JoinCapacityQueue => new(Queue, Clock, NullLogger<JoinCapacityQueue>.Instance);
    public EnsureVpc EnsureVpc => new(Aws, NullLogger<EnsureVpc>.Instance);
    public EnsureSubnet EnsureSubnet => new(Aws, NullLogger<EnsureSubnet>.Instance);
    public EnsureEgress EnsureEgress => new(Aws, NullLogger<EnsureEgress>.Instance);
    public EnsureSecurityGroup EnsureSecurityGroup => new(Aws, NullLogger<EnsureSecurityGroup>.Instance);
    public EnsureInstanceRole EnsureInstanceRole => new(Aws, NullLogger<EnsureInstanceRole>.Instance);
    public EnsureCluster EnsureCluster => new(Aws, NullLogger<EnsureCluster>.Instance);
    public LaunchContainerInstances LaunchContainerInstances => new(Aws, NullLogger<LaunchContainerInstances>.Instance);
    public CheckContainerInstances CheckContainerInstances => new(Aws, NullLogger<CheckContainerInstances>.Instance);
    public RegisterTaskDefinition RegisterTaskDefinition => new(Aws, NullLogger<RegisterTaskDefinition>.Instance);
    public StartWorkload StartWorkload => new(Aws, NullLogger<StartWorkload>.Instance);
    public Rollback Rollback => new(Aws, NullLogger<Rollback>.Instance);
    public PlanProvisioning PlanProvisioning => new(Aws, NullLogger<PlanProvisioning>.Instance);

    public Task<CapacityGate> CheckCapacityAsync(int waitedSeconds = 0, bool launchRejected = false) =>
        CheckCapacity.RunAsync(new CheckCapacityInput(Plan, new CapacityWaitProgress(waitedSeconds, launchRejected)), CancellationToken.None);

    public Task<VpcResource> EnsureVpcAsync() => EnsureVpc.RunAsync(new EnsureVpcInput(Plan), CancellationToken.None);
    public Task<SubnetResource> EnsureSubnetAsync(VpcResource vpc) => EnsureSubnet.RunAsync(new EnsureSubnetInput(Plan, vpc), CancellationToken.None);
    public Task<EgressResource> EnsureEgressAsync(VpcResource vpc, SubnetResource subnet) =>
        EnsureEgress.RunAsync(new EnsureEgressInput(Plan, vpc, subnet), CancellationToken.None);
    public Task<SecurityGroupResource> EnsureSecurityGroupAsync(VpcResource vpc) =>
        EnsureSecurityGroup.RunAsync(new EnsureSecurityGroupInput(Plan, vpc), CancellationToken.None);
    public Task<InstanceRoleResource> EnsureInstanceRoleAsync() => EnsureInstanceRole.RunAsync(new EnsureInstanceRoleInput(Plan), CancellationToken.None);
    public Task<ClusterResource> EnsureClusterAsync() => EnsureCluster.RunAsync(new EnsureClusterInput(Plan), CancellationToken.None);
    public Task<InstancesResource> LaunchContainerInstancesAsync(ProvisioningResources resources) =>
        LaunchContainerInstances.RunAsync(new LaunchContainerInstancesInput(Plan, resources), CancellationToken.None);
    public Task<ContainerInstancesResource> CheckContainerInstancesAsync(ProvisioningResources resources) =>
        CheckContainerInstances.RunAsync(new CheckContainerInstancesInput(Plan, resources), CancellationToken.None);
    public Task<TaskDefinitionResource> RegisterTaskDefinitionAsync() =>
        RegisterTaskDefinition.RunAsync(new RegisterTaskDefinitionInput(Plan), CancellationToken.None);
    public Task<WorkloadResource> StartWorkloadAsync(ProvisioningResources resources) =>
        StartWorkload.RunAsync(new StartWorkloadInput(Plan, resources), CancellationToken.None);
    public Task<RollbackResult> RollbackAsync(ApplyPlan? apply = null) => Rollback.RunAsync(new RollbackInput(Plan, Apply: apply), CancellationToken.None);
    public Task<ApplyPlan> PlanAsync() => PlanProvisioning.PlanAsync(Plan, CancellationToken.None);

    /// <summary>The same provisioning applied by the next execution, with the request changed by <paramref name="change"/>.</summary>
    public ProvisioningWorld NextExecution(Func<ProvisioningPlan, ProvisioningPlan>? change = null) =>
        WithPlan(p => (change ?? (q => q))(p) with { ExecutionId = p.ExecutionId + "-next" });

    /// <summary>
    /// Runs the workflow as the state machine would, in order, through <paramref name="stage"/>,
    /// letting virtual time pass where AWS would make it pass (agents registering).
    /// </summary>
    public async Task<ProvisioningResources> ProvisionAsync(Stage stage = Stage.Workload)
    {
        var vpc = await EnsureVpcAsync();
        var resources = new ProvisioningResources { Vpc = vpc };
        resources = resources with { Subnet = await EnsureSubnetAsync(vpc) };
        resources = resources with { Egress = await EnsureEgressAsync(vpc, resources.Subnet) };
        resources = resources with { SecurityGroup = await EnsureSecurityGroupAsync(vpc) };
        resources = resources with { InstanceRole = await EnsureInstanceRoleAsync() };
        // The state machine retries the launch until IAM has propagated the new profile; waiting it out here is the same.
        Clock.Advance(Cloud.Options.Timings.InstanceProfilePropagation);
        if (stage == Stage.NetworkAndIam)
        {
            return resources;
        }

        resources = resources with { Cluster = await EnsureClusterAsync() };
        if (stage == Stage.Cluster)
        {
            return resources;
        }

        resources = resources with { Instances = await LaunchContainerInstancesAsync(resources) };
        if (stage == Stage.Instances)
        {
            return resources;
        }

        Clock.Advance(AgentRegistrationTime);
        resources = resources with { ContainerInstances = await CheckContainerInstancesAsync(resources) };
        resources = resources with { TaskDefinition = await RegisterTaskDefinitionAsync() };
        if (stage == Stage.TaskDefinition)
        {
            return resources;
        }

        return resources with { Workload = await StartWorkloadAsync(resources) };
    }

    /// <summary>
    /// Rollback as the state machine runs it: retried after a pause while it reports
    /// Provisioning.RollbackPending (terminated instances still shutting down) or AWS refuses a deletion
    /// for a dependent that is still going away (DependencyViolation, ECS's ClusterContains*), the errors
    /// of the Rollback state's first retrier. Returns what all attempts deleted, in order.
    /// </summary>
    public async Task<IReadOnlyList<DeletedResource>> RollbackUntilDoneAsync(ApplyPlan? apply = null)
    {
        var deleted = new List<DeletedResource>();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                deleted.AddRange((await RollbackAsync(apply)).Deleted);
                return deleted;
            }
            catch (RollbackPendingException pending) when (attempt < 10)
            {
                deleted.AddRange(pending.DeletedSoFar);
                Clock.Advance(TimeSpan.FromSeconds(30));
            }
            catch (AmazonServiceException e) when (attempt < 10 && e.ErrorCode is "DependencyViolation"
                or "ClusterContainsServicesException" or "ClusterContainsTasksException" or "ClusterContainsContainerInstancesException")
            {
                Clock.Advance(TimeSpan.FromSeconds(30));
            }
        }
    }

    /// <summary>
    /// Sets the Outpost's free slots and lets the next AvailableInstanceType_Count datapoint be
    /// published (the metric lags the truth by up to one 5-minute period).
    /// </summary>
    public void SetFreeSlotsAndPublish(string instanceType, int freeSlots)
    {
        Cloud.SetFreeSlots(instanceType, freeSlots);
        Clock.Advance(Cloud.Options.Timings.MetricPublishInterval);
    }

    /// <summary>How many mutating calls <paramref name="action"/> made.</summary>
    public async Task<int> MutatingCallsOf(Func<Task> action)
    {
        var before = Cloud.Calls.MutatingTotal;
        await action();
        return Cloud.Calls.MutatingTotal - before;
    }

    /// <summary>
    /// Runs <paramref name="step"/> twice, as a retried Lambda would: both results, and how many
    /// mutating calls the second run made (0 when the step is idempotent).
    /// </summary>
    public async Task<(T First, T Second, int SecondRunMutations)> RunTwiceAsync<T>(Func<Task<T>> step)
    {
        var first = await step();
        T second = default!;
        var mutating = await MutatingCallsOf(async () => second = await step());
        return (first, second, mutating);
    }

    /// <summary>What still carries this plan's provisioning-id tag in the emulated account.</summary>
    public IReadOnlyList<EmulatedResource> ResourcesTaggedOurs() => Cloud.ResourcesTagged(ProvisioningTags.ProvisioningIdKey, Plan.ProvisioningId);

    public static TimeSpan AgentRegistrationTime => TimeSpan.FromMinutes(1);
}

/// <summary>How far <see cref="ProvisioningWorld.ProvisionAsync"/> runs the workflow.</summary>
public enum Stage
{
    NetworkAndIam,
    Cluster,
    Instances,
    TaskDefinition,
    Workload,
}
