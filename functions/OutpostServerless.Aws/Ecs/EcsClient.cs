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
        var output = await InvokeAsync<CreateClusterRequest, EcsClusterOutput>("CreateCluster", request, cancellationToken);
        return new CreateClusterResponse(Required("CreateCluster", output.Cluster, "cluster"));
    }

    public async Task<DescribeClustersResponse> DescribeClustersAsync(DescribeClustersRequest request, CancellationToken cancellationToken = default)
    {
        var output = await InvokeAsync<DescribeClustersRequest, EcsClustersOutput>("DescribeClusters", request, cancellationToken);
        return new DescribeClustersResponse(output.Clusters ?? [], output.Failures ?? []);
    }

    public async Task<DeleteClusterResponse> DeleteClusterAsync(DeleteClusterRequest request, CancellationToken cancellationToken = default)
    {
        var output = await InvokeAsync<DeleteClusterRequest, EcsClusterOutput>("DeleteCluster", request, cancellationToken);
        return new DeleteClusterResponse(Required("DeleteCluster", output.Cluster, "cluster"));
    }

    public async Task<ListContainerInstancesResponse> ListContainerInstancesAsync(ListContainerInstancesRequest request, CancellationToken cancellationToken = default)
    {
        var output = await InvokeAsync<ListContainerInstancesRequest, EcsContainerInstanceArnsOutput>("ListContainerInstances", request, cancellationToken);
        return new ListContainerInstancesResponse(output.ContainerInstanceArns ?? [], output.NextToken);
    }

    public async Task<DescribeContainerInstancesResponse> DescribeContainerInstancesAsync(DescribeContainerInstancesRequest request, CancellationToken cancellationToken = default)
    {
        var output = await InvokeAsync<DescribeContainerInstancesRequest, EcsContainerInstancesOutput>("DescribeContainerInstances", request, cancellationToken);
        return new DescribeContainerInstancesResponse(output.ContainerInstances ?? [], output.Failures ?? []);
    }

    public async Task<DeregisterContainerInstanceResponse> DeregisterContainerInstanceAsync(DeregisterContainerInstanceRequest request, CancellationToken cancellationToken = default)
    {
        var output = await InvokeAsync<DeregisterContainerInstanceRequest, EcsContainerInstanceOutput>("DeregisterContainerInstance", request, cancellationToken);
        return new DeregisterContainerInstanceResponse(Required("DeregisterContainerInstance", output.ContainerInstance, "containerInstance"));
    }

    public async Task<UpdateContainerInstancesStateResponse> UpdateContainerInstancesStateAsync(UpdateContainerInstancesStateRequest request, CancellationToken cancellationToken = default)
    {
        var output = await InvokeAsync<UpdateContainerInstancesStateRequest, EcsContainerInstancesOutput>("UpdateContainerInstancesState", request, cancellationToken);
        return new UpdateContainerInstancesStateResponse(output.ContainerInstances ?? [], output.Failures ?? []);
    }

    public async Task<RegisterTaskDefinitionResponse> RegisterTaskDefinitionAsync(RegisterTaskDefinitionRequest request, CancellationToken cancellationToken = default)
    {
        var output = await InvokeAsync<RegisterTaskDefinitionRequest, EcsTaskDefinitionOutput>("RegisterTaskDefinition", request, cancellationToken);
        return new RegisterTaskDefinitionResponse(Required("RegisterTaskDefinition", output.TaskDefinition, "taskDefinition"), output.Tags ?? []);
    }

    public async Task<DescribeTaskDefinitionResponse> DescribeTaskDefinitionAsync(DescribeTaskDefinitionRequest request, CancellationToken cancellationToken = default)
    {
        var output = await InvokeAsync<DescribeTaskDefinitionRequest, EcsTaskDefinitionOutput>("DescribeTaskDefinition", request, cancellationToken);
        return new DescribeTaskDefinitionResponse(Required("DescribeTaskDefinition", output.TaskDefinition, "taskDefinition"), output.Tags ?? []);
    }

    public async Task<DeregisterTaskDefinitionResponse> DeregisterTaskDefinitionAsync(DeregisterTaskDefinitionRequest request, CancellationToken cancellationToken = default)
    {
        var output = await InvokeAsync<DeregisterTaskDefinitionRequest, EcsTaskDefinitionOutput>("DeregisterTaskDefinition", request, cancellationToken);
        return new DeregisterTaskDefinitionResponse(Required("DeregisterTaskDefinition", output.TaskDefinition, "taskDefinition"));
    }

    public async Task<RunTaskResponse> RunTaskAsync(RunTaskRequest request, CancellationToken cancellationToken = default)
    {
        var output = await InvokeAsync<RunTaskRequest, EcsTasksOutput>("RunTask", request, cancellationToken);
        return new RunTaskResponse(output.Tasks ?? [], output.Failures ?? []);
    }

    public async Task<ListTasksResponse> ListTasksAsync(ListTasksRequest request, CancellationToken cancellationToken = default)
    {
        var output = await InvokeAsync<ListTasksRequest, EcsTaskArnsOutput>("ListTasks", request, cancellationToken);
        return new ListTasksResponse(output.TaskArns ?? [], output.NextToken);
    }

    public async Task<DescribeTasksResponse> DescribeTasksAsync(DescribeTasksRequest request, CancellationToken cancellationToken = default)
    {
        var output = await InvokeAsync<DescribeTasksRequest, EcsTasksOutput>("DescribeTasks", request, cancellationToken);
        return new DescribeTasksResponse(output.Tasks ?? [], output.Failures ?? []);
    }

    public async Task<StopTaskResponse> StopTaskAsync(StopTaskRequest request, CancellationToken cancellationToken = default)
    {
        var output = await InvokeAsync<StopTaskRequest, EcsTaskOutput>("StopTask", request, cancellationToken);
        return new StopTaskResponse(Required("StopTask", output.Task, "task"));
    }

    public async Task<CreateServiceResponse> CreateServiceAsync(CreateServiceRequest request, CancellationToken cancellationToken = default)
    {
        var output = await InvokeAsync<CreateServiceRequest, EcsServiceOutput>("CreateService", request, cancellationToken);
        return new CreateServiceResponse(Required("CreateService", output.Service, "service"));
    }

    public async Task<DescribeServicesResponse> DescribeServicesAsync(DescribeServicesRequest request, CancellationToken cancellationToken = default)
    {
        var output = await InvokeAsync<DescribeServicesRequest, EcsServicesOutput>("DescribeServices", request, cancellationToken);
        return new DescribeServicesResponse(output.Services ?? [], output.Failures ?? []);
    }

    public async Task<UpdateServiceResponse> UpdateServiceAsync(UpdateServiceRequest request, CancellationToken cancellationToken = default)
    {
        var output = await InvokeAsync<UpdateServiceRequest, EcsServiceOutput>("UpdateService", request, cancellationToken);
        return new UpdateServiceResponse(Required("UpdateService", output.Service, "service"));
    }

    public async Task<DeleteServiceResponse> DeleteServiceAsync(DeleteServiceRequest request, CancellationToken cancellationToken = default)
    {
        var output = await InvokeAsync<DeleteServiceRequest, EcsServiceOutput>("DeleteService", request, cancellationToken);
        return new DeleteServiceResponse(Required("DeleteService", output.Service, "service"));
    }

    private Task<TOutput> InvokeAsync<TInput, TOutput>(string operation, TInput request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _protocol.InvokeAsync(operation, request, (JsonTypeInfo<TInput>)Options.GetTypeInfo(typeof(TInput)), (JsonTypeInfo<TOutput>)Options.GetTypeInfo(typeof(TOutput)), cancellationToken);
    }

    private static T Required<T>(string operation, T? value, string member) where T : class =>
        value ?? throw new AwsResponseFormatException(AwsService.Ecs.SigningName, operation, $"missing {member}");
}
