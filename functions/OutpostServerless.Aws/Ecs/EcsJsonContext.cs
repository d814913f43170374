using System.Text.Json.Serialization;

namespace OutpostServerless.Aws.Ecs;

/// <summary>
/// ECS's awsJson1_1 documents, one description for both ends: the client writes the requests and reads
/// the responses, the emulator's front-end reads the requests and writes the responses. camelCase
/// members as in the API, unset members left out.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CreateClusterRequest))]
[JsonSerializable(typeof(CreateClusterResponse))]
[JsonSerializable(typeof(DescribeClustersRequest))]
[JsonSerializable(typeof(DescribeClustersResponse))]
[JsonSerializable(typeof(DeleteClusterRequest))]
[JsonSerializable(typeof(DeleteClusterResponse))]
[JsonSerializable(typeof(ListContainerInstancesRequest))]
[JsonSerializable(typeof(ListContainerInstancesResponse))]
[JsonSerializable(typeof(DescribeContainerInstancesRequest))]
[JsonSerializable(typeof(DescribeContainerInstancesResponse))]
[JsonSerializable(typeof(DeregisterContainerInstanceRequest))]
[JsonSerializable(typeof(DeregisterContainerInstanceResponse))]
[JsonSerializable(typeof(UpdateContainerInstancesStateRequest))]
[JsonSerializable(typeof(UpdateContainerInstancesStateResponse))]
[JsonSerializable(typeof(RegisterTaskDefinitionRequest))]
[JsonSerializable(typeof(RegisterTaskDefinitionResponse))]
[JsonSerializable(typeof(DescribeTaskDefinitionRequest))]
[JsonSerializable(typeof(DescribeTaskDefinitionResponse))]
[JsonSerializable(typeof(DeregisterTaskDefinitionRequest))]
[JsonSerializable(typeof(DeregisterTaskDefinitionResponse))]
[JsonSerializable(typeof(RunTaskRequest))]
[JsonSerializable(typeof(RunTaskResponse))]
[JsonSerializable(typeof(ListTasksRequest))]
[JsonSerializable(typeof(ListTasksResponse))]
[JsonSerializable(typeof(DescribeTasksRequest))]
[JsonSerializable(typeof(DescribeTasksResponse))]
[JsonSerializable(typeof(StopTaskRequest))]
[JsonSerializable(typeof(StopTaskResponse))]
[JsonSerializable(typeof(CreateServiceRequest))]
[JsonSerializable(typeof(CreateServiceResponse))]
[JsonSerializable(typeof(DescribeServicesRequest))]
[JsonSerializable(typeof(DescribeServicesResponse))]
[JsonSerializable(typeof(UpdateServiceRequest))]
[JsonSerializable(typeof(UpdateServiceResponse))]
[JsonSerializable(typeof(DeleteServiceRequest))]
[JsonSerializable(typeof(DeleteServiceResponse))]
public sealed partial class EcsJsonContext : JsonSerializerContext;
