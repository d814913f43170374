using OutpostServerless.Aws.Ecs;
using OutpostServerless.Emulator.Wire.Http;
using OutpostServerless.Emulator.Wire.Protocols;

namespace OutpostServerless.Emulator.Ecs;

/// <summary>
/// Amazon ECS over awsJson1_1 (<c>X-Amz-Target: AmazonEC2ContainerServiceV20141113.{Operation}</c>): the
/// client's own wire records (<see cref="EcsJsonContext"/>) read the request and write the answer.
/// </summary>
internal sealed class EcsJsonFrontEnd(IEcs ecs) : AwsJsonFrontEnd("ecs", EcsClient.TargetPrefix, "1.1", "ECS")
{
    private static readonly EcsJsonContext Json = EcsJsonContext.Default;

    protected override async Task<byte[]?> InvokeAsync(string operation, WireRequest request, CancellationToken cancellationToken) => operation switch
    {
        "CreateCluster" => Write(await ecs.CreateClusterAsync(Read(request, Json.CreateClusterRequest), cancellationToken), Json.CreateClusterResponse),
        "DescribeClusters" => Write(await ecs.DescribeClustersAsync(Read(request, Json.DescribeClustersRequest), cancellationToken), Json.DescribeClustersResponse),
        "DeleteCluster" => Write(await ecs.DeleteClusterAsync(Read(request, Json.DeleteClusterRequest), cancellationToken), Json.DeleteClusterResponse),
        "ListContainerInstances" => Write(await ecs.ListContainerInstancesAsync(Read(request, Json.ListContainerInstancesRequest), cancellationToken), Json.ListContainerInstancesResponse),
        "DescribeContainerInstances" => Write(await ecs.DescribeContainerInstancesAsync(Read(request, Json.DescribeContainerInstancesRequest), cancellationToken), Json.DescribeContainerInstancesResponse),
        "DeregisterContainerInstance" => Write(await ecs.DeregisterContainerInstanceAsync(Read(request, Json.DeregisterContainerInstanceRequest), cancellationToken), Json.DeregisterContainerInstanceResponse),
        "UpdateContainerInstancesState" => Write(await ecs.UpdateContainerInstancesStateAsync(Read(request, Json.UpdateContainerInstancesStateRequest), cancellationToken), Json.UpdateContainerInstancesStateResponse),
        "RegisterTaskDefinition" => Write(await ecs.RegisterTaskDefinitionAsync(Read(request, Json.RegisterTaskDefinitionRequest), cancellationToken), Json.RegisterTaskDefinitionResponse),
        "DescribeTaskDefinition" => Write(await ecs.DescribeTaskDefinitionAsync(Read(request, Json.DescribeTaskDefinitionRequest), cancellationToken), Json.DescribeTaskDefinitionResponse),
        "DeregisterTaskDefinition" => Write(await ecs.DeregisterTaskDefinitionAsync(Read(request, Json.DeregisterTaskDefinitionRequest), cancellationToken), Json.DeregisterTaskDefinitionResponse),
        "RunTask" => Write(await ecs.RunTaskAsync(Read(request, Json.RunTaskRequest), cancellationToken), Json.RunTaskResponse),
        "ListTasks" => Write(await ecs.ListTasksAsync(Read(request, Json.ListTasksRequest), cancellationToken), Json.ListTasksResponse),
        "DescribeTasks" => Write(await ecs.DescribeTasksAsync(Read(request, Json.DescribeTasksRequest), cancellationToken), Json.DescribeTasksResponse),
        "StopTask" => Write(await ecs.StopTaskAsync(Read(request, Json.StopTaskRequest), cancellationToken), Json.StopTaskResponse),
        "CreateService" => Write(await ecs.CreateServiceAsync(Read(request, Json.CreateServiceRequest), cancellationToken), Json.CreateServiceResponse),
        "DescribeServices" => Write(await ecs.DescribeServicesAsync(Read(request, Json.DescribeServicesRequest), cancellationToken), Json.DescribeServicesResponse),
        "UpdateService" => Write(await ecs.UpdateServiceAsync(Read(request, Json.UpdateServiceRequest), cancellationToken), Json.UpdateServiceResponse),
        "DeleteService" => Write(await ecs.DeleteServiceAsync(Read(request, Json.DeleteServiceRequest), cancellationToken), Json.DeleteServiceResponse),
        _ => null,
    };
}
