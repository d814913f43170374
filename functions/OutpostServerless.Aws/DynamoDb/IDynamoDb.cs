using Amazon.DynamoDBv2.Model;

namespace OutpostServerless.Aws.DynamoDb;

/// <summary>
/// The DynamoDB operations the workflow uses, on AWSSDK.DynamoDBv2's own request and response types
/// (the low-level API: items as attribute maps, conditions as expressions). Errors surface as the SDK's
/// exceptions (<see cref="ConditionalCheckFailedException"/>, <see cref="ResourceNotFoundException"/>, …).
/// </summary>
public interface IDynamoDb
{
    Task<CreateTableResponse> CreateTableAsync(CreateTableRequest request, CancellationToken cancellationToken = default);
    Task<DescribeTableResponse> DescribeTableAsync(DescribeTableRequest request, CancellationToken cancellationToken = default);
    Task<GetItemResponse> GetItemAsync(GetItemRequest request, CancellationToken cancellationToken = default);
    Task<PutItemResponse> PutItemAsync(PutItemRequest request, CancellationToken cancellationToken = default);
    Task<UpdateItemResponse> UpdateItemAsync(UpdateItemRequest request, CancellationToken cancellationToken = default);
    Task<DeleteItemResponse> DeleteItemAsync(DeleteItemRequest request, CancellationToken cancellationToken = default);
    Task<QueryResponse> QueryAsync(QueryRequest request, CancellationToken cancellationToken = default);
}
