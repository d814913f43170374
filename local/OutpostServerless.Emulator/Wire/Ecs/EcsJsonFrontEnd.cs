using System.Net;
using System.Text.Json.Serialization.Metadata;
using Amazon.Runtime;
using OutpostServerless.Aws.Ecs;
using OutpostServerless.Aws.Errors;
using OutpostServerless.Emulator.Wire.Http;
using OutpostServerless.Emulator.Wire.Protocols;

namespace OutpostServerless.Emulator.Wire.Ecs;

/// <summary>Amazon ECS over awsJson1_1 (<c>X-Amz-Target: AmazonEC2ContainerServiceV20141113.{Operation}</c>).</summary>
internal sealed class EcsJsonFrontEnd(IEcs ecs) : IWireFrontEnd
{
    public const string TargetPrefix = "AmazonEC2ContainerServiceV20141113";
    private const string JsonVersion = "1.1";
    private static readonly EcsJsonContext Json = EcsJsonContext.Default;

    public string SigningName => "ecs";

    public WireProtocol Protocol => WireProtocol.AwsJson;

    public bool Accepts(WireRequest request) => AwsJsonProtocol.IsTargeted(request, TargetPrefix);

    public async Task<WireResponse> HandleAsync(WireRequest request, string requestId, CancellationToken cancellationToken)
    {
        var operation = AwsJsonProtocol.Operation(request, TargetPrefix);
        return operation switch
        {
            "CreateCluster" => Reply(await ecs.CreateClusterAsync(Read(request, Json.CreateClusterRequest), cancellationToken), Json.CreateClusterResponse, requestId),
            "DescribeClusters" => Reply(await ecs.DescribeClustersAsync(Read(request, Json.DescribeClustersRequest), cancellationToken), Json.DescribeClustersResponse, requestId),
            "DeleteCluster" => Reply(await ecs.DeleteClusterAsync(Read(request, Json.DeleteClusterRequest), cancellationToken), Json.DeleteClusterResponse, requestId),
            "ListContainerInstances" => Reply(await ecs.ListContainerInstancesAsync(Read(request, Json.ListContainerInstancesRequest), cancellationToken), Json.ListContainerInstancesResponse, requestId),
            "DescribeContainerInstances" => Reply(await ecs.DescribeContainerInstancesAsync(Read(request, Json.DescribeContainerInstancesRequest), cancellationToken), Json.DescribeContainerInstancesResponse, requestId),
            "DeregisterContainerInstance" => Reply(await ecs.DeregisterContainerInstanceAsync(Read(request, Json.DeregisterContainerInstanceRequest), cancellationToken), Json.DeregisterContainerInstanceResponse, requestId),
            "RegisterTaskDefinition" => Reply(await ecs.RegisterTaskDefinitionAsync(Read(request, Json.RegisterTaskDefinitionRequest), cancellationToken), Json.RegisterTaskDefinitionResponse, requestId),
            "DescribeTaskDefinition" => Reply(await ecs.DescribeTaskDefinitionAsync(Read(request, Json.DescribeTaskDefinitionRequest), cancellationToken), Json.DescribeTaskDefinitionResponse, requestId),
            "DeregisterTaskDefinition" => Reply(await ecs.DeregisterTaskDefinitionAsync(Read(request, Json.DeregisterTaskDefinitionRequest), cancellationToken), Json.DeregisterTaskDefinitionResponse, requestId),
            "RunTask" => Reply(await ecs.RunTaskAsync(Read(request, Json.RunTaskRequest), cancellationToken), Json.RunTaskResponse, requestId),
            "ListTasks" => Reply(await ecs.ListTasksAsync(Read(request, Json.ListTasksRequest), cancellationToken), Json.ListTasksResponse, requestId),
            "DescribeTasks" => Reply(await ecs.DescribeTasksAsync(Read(request, Json.DescribeTasksRequest), cancellationToken), Json.DescribeTasksResponse, requestId),
            "StopTask" => Reply(await ecs.StopTaskAsync(Read(request, Json.StopTaskRequest), cancellationToken), Json.StopTaskResponse, requestId),
            "CreateService" => Reply(await ecs.CreateServiceAsync(Read(request, Json.CreateServiceRequest), cancellationToken), Json.CreateServiceResponse, requestId),
            "DescribeServices" => Reply(await ecs.DescribeServicesAsync(Read(request, Json.DescribeServicesRequest), cancellationToken), Json.DescribeServicesResponse, requestId),
            "UpdateService" => Reply(await ecs.UpdateServiceAsync(Read(request, Json.UpdateServiceRequest), cancellationToken), Json.UpdateServiceResponse, requestId),
            "DeleteService" => Reply(await ecs.DeleteServiceAsync(Read(request, Json.DeleteServiceRequest), cancellationToken), Json.DeleteServiceResponse, requestId),
            _ => throw new AwsServiceError(SigningName, "UnknownOperationException", $"Operation {operation ?? "(none)"} is not known to the emulated ECS.", HttpStatusCode.BadRequest),
        };
    }

    public WireResponse Error(AmazonServiceException error, string requestId) => AwsJsonProtocol.Error(error, JsonVersion, requestId);

    private T Read<T>(WireRequest request, JsonTypeInfo<T> type) => JsonBody.Read(request, type, SigningName);

    private static WireResponse Reply<T>(T response, JsonTypeInfo<T> type, string requestId) =>
        AwsJsonProtocol.Response(JsonBody.Write(response, type), JsonVersion, requestId);
}
