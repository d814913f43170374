using System.Text.Json.Serialization;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>
/// Source-generated JSON for every step input and output except ValidateRequest's (see
/// <c>RequestJsonContext</c>). camelCase, nulls omitted on write, case-insensitive on read.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(PlanProvisioningInput))]
[JsonSerializable(typeof(ApplyPlan))]
[JsonSerializable(typeof(ChangeSet))]
[JsonSerializable(typeof(CheckCapacityInput))]
[JsonSerializable(typeof(CapacityGate))]
[JsonSerializable(typeof(JoinCapacityQueueInput))]
[JsonSerializable(typeof(Queue.QueuePlace))]
[JsonSerializable(typeof(CapacityAlarmEvent))]
[JsonSerializable(typeof(WakeResult))]
[JsonSerializable(typeof(EnsureVpcInput))]
[JsonSerializable(typeof(VpcResource))]
[JsonSerializable(typeof(EnsureSubnetInput))]
[JsonSerializable(typeof(SubnetResource))]
[JsonSerializable(typeof(EnsureEgressInput))]
[JsonSerializable(typeof(EgressResource))]
[JsonSerializable(typeof(EnsureSecurityGroupInput))]
[JsonSerializable(typeof(SecurityGroupResource))]
[JsonSerializable(typeof(EnsureInstanceRoleInput))]
[JsonSerializable(typeof(InstanceRoleResource))]
[JsonSerializable(typeof(EnsureClusterInput))]
[JsonSerializable(typeof(ClusterResource))]
[JsonSerializable(typeof(LaunchContainerInstancesInput))]
[JsonSerializable(typeof(InstancesResource))]
[JsonSerializable(typeof(CheckContainerInstancesInput))]
[JsonSerializable(typeof(ContainerInstancesResource))]
[JsonSerializable(typeof(RegisterTaskDefinitionInput))]
[JsonSerializable(typeof(TaskDefinitionResource))]
[JsonSerializable(typeof(StartWorkloadInput))]
[JsonSerializable(typeof(WorkloadResource))]
[JsonSerializable(typeof(CheckWorkloadInput))]
[JsonSerializable(typeof(RetireContainerInstancesInput))]
[JsonSerializable(typeof(RetiredInstancesResource))]
[JsonSerializable(typeof(RollbackInput))]
[JsonSerializable(typeof(RollbackResult))]
[JsonSerializable(typeof(TeardownInput))]
[JsonSerializable(typeof(TeardownResult))]
[JsonSerializable(typeof(DescribeProvisioningInput))]
[JsonSerializable(typeof(ProvisioningInventory))]
[JsonSerializable(typeof(ProvisioningResources))]
[JsonSerializable(typeof(BeginChangeInput))]
[JsonSerializable(typeof(ChangeTicket))]
[JsonSerializable(typeof(EndChangeInput))]
[JsonSerializable(typeof(EndChangeResult))]
public sealed partial class StepsJsonContext : JsonSerializerContext;
