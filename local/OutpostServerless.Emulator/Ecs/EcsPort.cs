using OutpostServerless.Aws.Ecs;
using OutpostServerless.Emulator.World;

namespace OutpostServerless.Emulator.Ecs;

/// <summary>The in-process <see cref="IEcs"/>: every call counted, answered by the ECS world.</summary>
internal sealed class EcsPort(EmulatedRegion region) : IEcs
{
    public Task<CreateClusterResponse> CreateClusterAsync(CreateClusterRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync("ecs:CreateCluster", () => region.Ecs.CreateCluster(request), cancellationToken);

    public Task<DescribeClustersResponse> DescribeClustersAsync(DescribeClustersRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync("ecs:DescribeClusters", () => region.Ecs.DescribeClusters(request), cancellationToken);

    public Task<DeleteClusterResponse> DeleteClusterAsync(DeleteClusterRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync("ecs:DeleteCluster", () => region.Ecs.DeleteCluster(request), cancellationToken);

    public Task<ListContainerInstancesResponse> ListContainerInstancesAsync(ListContainerInstancesRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync("ecs:ListContainerInstances", () => region.Ecs.ListContainerInstances(request), cancellationToken);

    public Task<DescribeContainerInstancesResponse> DescribeContainerInstancesAsync(DescribeContainerInstancesRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync("ecs:DescribeContainerInstances", () => region.Ecs.DescribeContainerInstances(request), cancellationToken);

    public Task<DeregisterContainerInstanceResponse> DeregisterContainerInstanceAsync(DeregisterContainerInstanceRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync("ecs:DeregisterContainerInstance", () => region.Ecs.DeregisterContainerInstance(request), cancellationToken);

    public Task<UpdateContainerInstancesStateResponse> UpdateContainerInstancesStateAsync(UpdateContainerInstancesStateRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync("ecs:UpdateContainerInstancesState", () => region.Ecs.UpdateContainerInstancesState(request), cancellationToken);

    public Task<RegisterTaskDefinitionResponse> RegisterTaskDefinitionAsync(RegisterTaskDefinitionRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync("ecs:RegisterTaskDefinition", () => region.Ecs.RegisterTaskDefinition(request), cancellationToken);

    public Task<DescribeTaskDefinitionResponse> DescribeTaskDefinitionAsync(DescribeTaskDefinitionRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync("ecs:DescribeTaskDefinition", () => region.Ecs.DescribeTaskDefinition(request), cancellationToken);

    public Task<DeregisterTaskDefinitionResponse> DeregisterTaskDefinitionAsync(DeregisterTaskDefinitionRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync("ecs:DeregisterTaskDefinition", () => region.Ecs.DeregisterTaskDefinition(request), cancellationToken);

    public Task<RunTaskResponse> RunTaskAsync(RunTaskRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync("ecs:RunTask", () => region.Ecs.RunTask(request), cancellationToken);

    public Task<ListTasksResponse> ListTasksAsync(ListTasksRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync("ecs:ListTasks", () => region.Ecs.ListTasks(request), cancellationToken);

    public Task<DescribeTasksResponse> DescribeTasksAsync(DescribeTasksRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync("ecs:DescribeTasks", () => region.Ecs.DescribeTasks(request), cancellationToken);

    public Task<StopTaskResponse> StopTaskAsync(StopTaskRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync("ecs:StopTask", () => region.Ecs.StopTask(request), cancellationToken);

    public Task<CreateServiceResponse> CreateServiceAsync(CreateServiceRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync("ecs:CreateService", () => region.Ecs.CreateService(request), cancellationToken);

    public Task<DescribeServicesResponse> DescribeServicesAsync(DescribeServicesRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync("ecs:DescribeServices", () => region.Ecs.DescribeServices(request), cancellationToken);

    public Task<UpdateServiceResponse> UpdateServiceAsync(UpdateServiceRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync("ecs:UpdateService", () => region.Ecs.UpdateService(request), cancellationToken);

    public Task<DeleteServiceResponse> DeleteServiceAsync(DeleteServiceRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync("ecs:DeleteService", () => region.Ecs.DeleteService(request), cancellationToken);
}
