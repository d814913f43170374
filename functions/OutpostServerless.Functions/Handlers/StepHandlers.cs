using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using OutpostServerless.Aws;
using OutpostServerless.Aws.StepFunctions;
using OutpostServerless.Functions.Errors;
using OutpostServerless.Provisioning;
using OutpostServerless.Provisioning.Api;
using OutpostServerless.Provisioning.Queue;
using OutpostServerless.Provisioning.Records;
using OutpostServerless.Provisioning.Request;
using OutpostServerless.Provisioning.Status;
using OutpostServerless.Provisioning.Steps;

namespace OutpostServerless.Functions.Handlers;

/// <summary>
/// The handler table: one entry per provisioning step, keyed by the name each function declares as
/// its <c>Handler</c> in template.yaml. The same table serves Lambda and the local engine.
/// </summary>
public static class StepHandlers
{
    /// <returns>How to build each handler: nothing is built until a function asks for its own (see <see cref="FunctionHost"/>).</returns>
    /// <param name="stepFunctions">For the provisionings API function (it starts executions); the steps never use it.</param>
    /// <param name="taskCallbacks">For the capacity wake-up (it ends parked tasks).</param>
    public static IReadOnlyDictionary<string, Func<IFunctionHandler>> Create(
        AwsPorts aws, TimeProvider clock, ILoggerFactory loggers, StepSettings? settings = null, IStepFunctions? stepFunctions = null, ITaskCallbacks? taskCallbacks = null)
    {
        settings ??= new StepSettings();
        var steps = StepsJsonContext.Default;
        var records = new ProvisioningRecords(aws.DynamoDb, settings.Records.TableName);
        var queue = new CapacityQueue(aws.DynamoDb, settings.CapacityQueueTable);
        var planner = new PlanProvisioning(aws, loggers.CreateLogger<PlanProvisioning>());
        return new Dictionary<string, Func<IFunctionHandler>>(StringComparer.Ordinal)
        {
            ["ValidateRequest"] = () => Handler(new ValidateRequest(settings.Validator(), loggers.CreateLogger<ValidateRequest>()),
                RequestJsonContext.Default.ValidateRequestInput, RequestJsonContext.Default.ProvisioningPlan),
            ["BeginChange"] = () => Handler(new BeginChange(records, settings.Records, clock, loggers.CreateLogger<BeginChange>()),
                steps.BeginChangeInput, steps.ChangeTicket),
            ["EndChange"] = () => Handler(new EndChange(records, queue, clock, loggers.CreateLogger<EndChange>()),
                steps.EndChangeInput, steps.EndChangeResult),
            ["PlanProvisioning"] = () => Handler(planner,
                steps.PlanProvisioningInput, steps.ApplyPlan),
            ["ProvisioningsApi"] = () => new ProvisioningsApiHandler(() => new ProvisioningsApi(
                records,
                stepFunctions ?? throw new InvalidStepSettingException("ProvisioningsApi", "The provisionings API needs a Step Functions client."),
                settings.Validator(),
                new ProvisioningsApiOptions(
                    settings.ApplyStateMachineArn ?? throw new InvalidStepSettingException(StepSettings.ApplyStateMachineVariable, $"{StepSettings.ApplyStateMachineVariable} is not set; the ProvisioningsApi function needs the provision state machine's ARN"),
                    settings.TeardownStateMachineArn),
                clock,
                new ProvisioningStatusReader(records, new DescribeProvisioning(aws, loggers.CreateLogger<DescribeProvisioning>()), planner, queue, clock),
                planner)),
            ["CheckCapacity"] = () => Handler(new CheckCapacity(aws, queue, clock, loggers.CreateLogger<CheckCapacity>()),
                steps.CheckCapacityInput, steps.CapacityGate),
            ["JoinCapacityQueue"] = () => Handler(new JoinCapacityQueue(queue, clock, loggers.CreateLogger<JoinCapacityQueue>()),
                steps.JoinCapacityQueueInput, steps.QueuePlace),
            ["WakeCapacityWaiters"] = () => Handler(new WakeCapacityWaiters(queue, new OutpostMetrics(aws.CloudWatch, clock),
                    () => taskCallbacks ?? throw new InvalidStepSettingException("WakeCapacityWaiters", "The capacity wake-up needs a Step Functions client."),
                    clock, loggers.CreateLogger<WakeCapacityWaiters>()),
                steps.CapacityAlarmEvent, steps.WakeResult),
            ["EnsureVpc"] = () => Handler(new EnsureVpc(aws, loggers.CreateLogger<EnsureVpc>()),
                steps.EnsureVpcInput, steps.VpcResource),
            ["EnsureSubnet"] = () => Handler(new EnsureSubnet(aws, loggers.CreateLogger<EnsureSubnet>()),
                steps.EnsureSubnetInput, steps.SubnetResource),
            ["EnsureEgress"] = () => Handler(new EnsureEgress(aws, loggers.CreateLogger<EnsureEgress>()),
                steps.EnsureEgressInput, steps.EgressResource),
            ["EnsureSecurityGroup"] = () => Handler(new EnsureSecurityGroup(aws, loggers.CreateLogger<EnsureSecurityGroup>()),
                steps.EnsureSecurityGroupInput, steps.SecurityGroupResource),
            ["EnsureInstanceRole"] = () => Handler(new EnsureInstanceRole(aws, loggers.CreateLogger<EnsureInstanceRole>()),
                steps.EnsureInstanceRoleInput, steps.InstanceRoleResource),
            ["EnsureCluster"] = () => Handler(new EnsureCluster(aws, loggers.CreateLogger<EnsureCluster>()),
                steps.EnsureClusterInput, steps.ClusterResource),
            ["LaunchContainerInstances"] = () => Handler(new LaunchContainerInstances(aws, loggers.CreateLogger<LaunchContainerInstances>()),
                steps.LaunchContainerInstancesInput, steps.InstancesResource),
            ["CheckContainerInstances"] = () => Handler(new CheckContainerInstances(aws, loggers.CreateLogger<CheckContainerInstances>()),
                steps.CheckContainerInstancesInput, steps.ContainerInstancesResource),
            ["RegisterTaskDefinition"] = () => Handler(new RegisterTaskDefinition(aws, loggers.CreateLogger<RegisterTaskDefinition>()),
                steps.RegisterTaskDefinitionInput, steps.TaskDefinitionResource),
            ["StartWorkload"] = () => Handler(new StartWorkload(aws, loggers.CreateLogger<StartWorkload>()),
                steps.StartWorkloadInput, steps.WorkloadResource),
            ["CheckWorkload"] = () => Handler(new CheckWorkload(aws, clock, loggers.CreateLogger<CheckWorkload>()),
                steps.CheckWorkloadInput, steps.WorkloadResource),
            ["RetireContainerInstances"] = () => Handler(new RetireContainerInstances(aws, loggers.CreateLogger<RetireContainerInstances>()),
                steps.RetireContainerInstancesInput, steps.RetiredInstancesResource),
            ["Rollback"] = () => Handler(new Rollback(aws, loggers.CreateLogger<Rollback>()),
                steps.RollbackInput, steps.RollbackResult),
            ["TeardownWorkload"] = () => Handler(new TeardownWorkload(aws, loggers.CreateLogger<TeardownWorkload>()), steps.TeardownInput, steps.TeardownResult),
            ["TeardownInstances"] = () => Handler(new TeardownInstances(aws, loggers.CreateLogger<TeardownInstances>()), steps.TeardownInput, steps.TeardownResult),
            ["TeardownCluster"] = () => Handler(new TeardownCluster(aws, loggers.CreateLogger<TeardownCluster>()), steps.TeardownInput, steps.TeardownResult),
            ["TeardownInstanceRole"] = () => Handler(new TeardownInstanceRole(aws, loggers.CreateLogger<TeardownInstanceRole>()), steps.TeardownInput, steps.TeardownResult),
            ["TeardownNetwork"] = () => Handler(new TeardownNetwork(aws, loggers.CreateLogger<TeardownNetwork>()), steps.TeardownInput, steps.TeardownResult),
        };
    }

    private static StepHandler<TInput, TOutput> Handler<TInput, TOutput>(
        IStep<TInput, TOutput> step, JsonTypeInfo<TInput> input, JsonTypeInfo<TOutput> output) => new(step, input, output);
}
