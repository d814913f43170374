using OutpostServerless.Aws.Ecs;
using OutpostServerless.Emulator.World;

namespace OutpostServerless.Emulator.Ecs;

/// <summary>The in-process <see cref="IEcs"/>: every call counted, answered by the ECS world.</summary>
internal sealed class EcsPort(EmulatedRegion region, string? caller) : IEcs
{
    public Task<CreateClusterResponse> CreateClusterAsync(CreateClusterRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "ecs:CreateCluster", () => region.Ecs.CreateCluster(request), cancellationToken);

    public Task<DescribeClustersResponse> DescribeClustersAsync(DescribeClustersRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "ecs:DescribeClusters", () => region.Ecs.DescribeClusters(request), cancellationToken);

    public Task<DeleteClusterResponse> DeleteClusterAsync(DeleteClusterRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "ecs:DeleteCluster", () => region.Ecs.DeleteCluster(request), cancellationToken);

    public Task<ListContainerInstancesResponse> ListContainerInstancesAsync(ListContainerInstancesRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "ecs:ListContainerInstances", () => region.Ecs.ListContainerInstances(request), cancellationToken);

    public Task<DescribeContainerInstancesResponse> DescribeContainerInstancesAsync(DescribeContainerInstancesRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "ecs:DescribeContainerInstances", () => region.Ecs.DescribeContainerInstances(request), cancellationToken);

    public Task<DeregisterContainerInstanceResponse> DeregisterContainerInstanceAsync(DeregisterContainerInstanceRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "ecs:DeregisterContainerInstance", () => region.Ecs.DeregisterContainerInstance(request), cancellationToken);

    public Task<UpdateContainerInstancesStateResponse> UpdateContainerInstancesStateAsync(UpdateContainerInstancesStateRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "ecs:UpdateContainerInstancesState", () => region.Ecs.UpdateContainerInstancesState(request), cancellationToken);

    public Task<RegisterTaskDefinitionResponse> RegisterTaskDefinitionAsync(RegisterTaskDefinitionRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "ecs:RegisterTaskDefinition", () => region.Ecs.RegisterTaskDefinition(request), cancellationToken);

    public Task<DescribeTaskDefinitionResponse> DescribeTaskDefinitionAsync(DescribeTaskDefinitionRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "ecs:DescribeTaskDefinition", () => region.Ecs.DescribeTaskDefinition(request), cancellationToken);

    public Task<DeregisterTaskDefinitionResponse> DeregisterTaskDefinitionAsync(DeregisterTaskDefinitionRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "ecs:DeregisterTaskDefinition", () => region.Ecs.DeregisterTaskDefinition(request), cancellationToken);

    public Task<RunTaskResponse> RunTaskAsync(RunTaskRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "ecs:RunTask", () => region.Ecs.RunTask(request), cancellationToken);

    public Task<ListTasksResponse> ListTasksAsync(ListTasksRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "ecs:ListTasks", () => region.Ecs.ListTasks(request), cancellationToken);

    public Task<DescribeTasksResponse> DescribeTasksAsync(DescribeTasksRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "ecs:DescribeTasks", () => region.Ecs.DescribeTasks(request), cancellationToken);

    public Task<StopTaskResponse> StopTaskAsync(StopTaskRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "ecs:StopTask", () => region.Ecs.StopTask(request), cancellationToken);

    public Task<CreateServiceResponse> CreateServiceAsync(CreateServiceRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "ecs:CreateService", () => region.Ecs.CreateService(request), cancellationToken);

    public Task<DescribeServicesResponse> DescribeServicesAsync(DescribeServicesRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "ecs:DescribeServices", () => region.Ecs.DescribeServices(request), cancellationToken);

    public Task<UpdateServiceResponse> UpdateServiceAsync(UpdateServiceRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "ecs:UpdateService", () => region.Ecs.UpdateService(request), cancellationToken);

    public Task<DeleteServiceResponse> DeleteServiceAsync(DeleteServiceRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "ecs:DeleteService", () => region.Ecs.DeleteService(request), cancellationToken);
}
