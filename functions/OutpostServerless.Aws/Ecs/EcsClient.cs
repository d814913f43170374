using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using OutpostServerless.Aws.Client.Endpoints;
using OutpostServerless.Aws.Client.Http;
using OutpostServerless.Aws.Protocols.Json;

namespace OutpostServerless.Aws.Ecs;

/// <summary>The ECS port over HTTP: awsJson1_1, target prefix <c>AmazonEC2ContainerServiceV20141113</c>, signing name <c>ecs</c>.</summary>
public sealed class EcsClient(AwsHttpPipeline pipeline, ServiceEndpoint endpoint) : IEcs
{
    public const string TargetPrefix = "AmazonEC2ContainerServiceV20141113";

    private static readonly JsonSerializerOptions Options = JsonBody.OptionsFor(EcsJsonContext.Default);

    private readonly AwsJsonProtocol _protocol = new(pipeline, AwsService.Ecs, endpoint, TargetPrefix);

    public async Task<CreateClusterResponse> CreateClusterAsync(CreateClusterRequest request, CancellationToken cancellationToken = default)
    {
        var response = await InvokeAsync<CreateClusterRequest, CreateClusterResponse>("CreateCluster", request, cancellationToken);
        return Required("CreateCluster", response, response.Cluster, "cluster");
    }

    public Task<DescribeClustersResponse> DescribeClustersAsync(DescribeClustersRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<DescribeClustersRequest, DescribeClustersResponse>("DescribeClusters", request, cancellationToken);

    public async Task<DeleteClusterResponse> DeleteClusterAsync(DeleteClusterRequest request, CancellationToken cancellationToken = default)
    {
        var response = await InvokeAsync<DeleteClusterRequest, DeleteClusterResponse>("DeleteCluster", request, cancellationToken);
        return Required("DeleteCluster", response, response.Cluster, "cluster");
    }

    public Task<ListContainerInstancesResponse> ListContainerInstancesAsync(ListContainerInstancesRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<ListContainerInstancesRequest, ListContainerInstancesResponse>("ListContainerInstances", request, cancellationToken);

    public Task<DescribeContainerInstancesResponse> DescribeContainerInstancesAsync(DescribeContainerInstancesRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<DescribeContainerInstancesRequest, DescribeContainerInstancesResponse>("DescribeContainerInstances", request, cancellationToken);

    public async Task<DeregisterContainerInstanceResponse> DeregisterContainerInstanceAsync(DeregisterContainerInstanceRequest request, CancellationToken cancellationToken = default)
    {
        var response = await InvokeAsync<DeregisterContainerInstanceRequest, DeregisterContainerInstanceResponse>("DeregisterContainerInstance", request, cancellationToken);
        return Required("DeregisterContainerInstance", response, response.ContainerInstance, "containerInstance");
    }

    public Task<UpdateContainerInstancesStateResponse> UpdateContainerInstancesStateAsync(UpdateContainerInstancesStateRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<UpdateContainerInstancesStateRequest, UpdateContainerInstancesStateResponse>("UpdateContainerInstancesState", request, cancellationToken);

    public async Task<RegisterTaskDefinitionResponse> RegisterTaskDefinitionAsync(RegisterTaskDefinitionRequest request, CancellationToken cancellationToken = default)
    {
        var response = await InvokeAsync<RegisterTaskDefinitionRequest, RegisterTaskDefinitionResponse>("RegisterTaskDefinition", request, cancellationToken);
        return Required("RegisterTaskDefinition", response, response.TaskDefinition, "taskDefinition");
    }

    public async Task<DescribeTaskDefinitionResponse> DescribeTaskDefinitionAsync(DescribeTaskDefinitionRequest request, CancellationToken cancellationToken = default)
    {
        var response = await InvokeAsync<DescribeTaskDefinitionRequest, DescribeTaskDefinitionResponse>("DescribeTaskDefinition", request, cancellationToken);
        return Required("DescribeTaskDefinition", response, response.TaskDefinition, "taskDefinition");
    }

    public async Task<DeregisterTaskDefinitionResponse> DeregisterTaskDefinitionAsync(DeregisterTaskDefinitionRequest request, CancellationToken cancellationToken = default)
    {
        var response = await InvokeAsync<DeregisterTaskDefinitionRequest, DeregisterTaskDefinitionResponse>("DeregisterTaskDefinition", request, cancellationToken);
        return Required("DeregisterTaskDefinition", response, response.TaskDefinition, "taskDefinition");
    }

    public Task<RunTaskResponse> RunTaskAsync(RunTaskRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<RunTaskRequest, RunTaskResponse>("RunTask", request, cancellationToken);

    public Task<ListTasksResponse> ListTasksAsync(ListTasksRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<ListTasksRequest, ListTasksResponse>("ListTasks", request, cancellationToken);

    public Task<DescribeTasksResponse> DescribeTasksAsync(DescribeTasksRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<DescribeTasksRequest, DescribeTasksResponse>("DescribeTasks", request, cancellationToken);

    public async Task<StopTaskResponse> StopTaskAsync(StopTaskRequest request, CancellationToken cancellationToken = default)
    {
        var response = await InvokeAsync<StopTaskRequest, StopTaskResponse>("StopTask", request, cancellationToken);
        return Required("StopTask", response, response.Task, "task");
    }

    public async Task<CreateServiceResponse> CreateServiceAsync(CreateServiceRequest request, CancellationToken cancellationToken = default)
    {
        var response = await InvokeAsync<CreateServiceRequest, CreateServiceResponse>("CreateService", request, cancellationToken);
        return Required("CreateService", response, response.Service, "service");
    }

    public Task<DescribeServicesResponse> DescribeServicesAsync(DescribeServicesRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<DescribeServicesRequest, DescribeServicesResponse>("DescribeServices", request, cancellationToken);

    public async Task<UpdateServiceResponse> UpdateServiceAsync(UpdateServiceRequest request, CancellationToken cancellationToken = default)
    {
        var response = await InvokeAsync<UpdateServiceRequest, UpdateServiceResponse>("UpdateService", request, cancellationToken);
        return Required("UpdateService", response, response.Service, "service");
    }

    public async Task<DeleteServiceResponse> DeleteServiceAsync(DeleteServiceRequest request, CancellationToken cancellationToken = default)
    {
        var response = await InvokeAsync<DeleteServiceRequest, DeleteServiceResponse>("DeleteService", request, cancellationToken);
        return Required("DeleteService", response, response.Service, "service");
    }

    private Task<TOutput> InvokeAsync<TInput, TOutput>(string operation, TInput request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _protocol.InvokeAsync(operation, request, (JsonTypeInfo<TInput>)Options.GetTypeInfo(typeof(TInput)), (JsonTypeInfo<TOutput>)Options.GetTypeInfo(typeof(TOutput)), cancellationToken);
    }

    // A response's single entity is not a list (read as empty when absent): name it when it is missing
    // rather than let a null surface later.
    private static TResponse Required<TResponse>(string operation, TResponse response, object? entity, string member) =>
        entity is null ? throw new AwsResponseFormatException(AwsService.Ecs.SigningName, operation, $"missing {member}") : response;
}
