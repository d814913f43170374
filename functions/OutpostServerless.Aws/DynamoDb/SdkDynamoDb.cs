using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace OutpostServerless.Aws.DynamoDb;

/// <summary>The DynamoDB port over the real AWSSDK.DynamoDBv2 low-level client.</summary>
public sealed class SdkDynamoDb(Func<IAmazonDynamoDB> client) : IDynamoDb
{
    public Task<CreateTableResponse> CreateTableAsync(CreateTableRequest request, CancellationToken cancellationToken = default) => client().CreateTableAsync(request, cancellationToken);
    public Task<DescribeTableResponse> DescribeTableAsync(DescribeTableRequest request, CancellationToken cancellationToken = default) => client().DescribeTableAsync(request, cancellationToken);
    public Task<GetItemResponse> GetItemAsync(GetItemRequest request, CancellationToken cancellationToken = default) => client().GetItemAsync(request, cancellationToken);
    public Task<PutItemResponse> PutItemAsync(PutItemRequest request, CancellationToken cancellationToken = default) => client().PutItemAsync(request, cancellationToken);
    public Task<UpdateItemResponse> UpdateItemAsync(UpdateItemRequest request, CancellationToken cancellationToken = default) => client().UpdateItemAsync(request, cancellationToken);
    public Task<DeleteItemResponse> DeleteItemAsync(DeleteItemRequest request, CancellationToken cancellationToken = default) => client().DeleteItemAsync(request, cancellationToken);
    public Task<QueryResponse> QueryAsync(QueryRequest request, CancellationToken cancellationToken = default) => client().QueryAsync(request, cancellationToken);
}
