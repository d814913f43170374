using Amazon.DynamoDBv2.Model;
using OutpostServerless.Aws.DynamoDb;
using OutpostServerless.Emulator.World;

namespace OutpostServerless.Emulator.DynamoDb;

/// <summary>The in-process <see cref="IDynamoDb"/>: every call counted, answered by the DynamoDB world.</summary>
internal sealed class DynamoDbPort(EmulatedRegion region, string? caller) : IDynamoDb
{
    public Task<CreateTableResponse> CreateTableAsync(CreateTableRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "dynamodb:CreateTable", () => region.DynamoDb.CreateTable(request), cancellationToken);

    public Task<DescribeTableResponse> DescribeTableAsync(DescribeTableRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "dynamodb:DescribeTable", () => region.DynamoDb.DescribeTable(request), cancellationToken);

    public Task<GetItemResponse> GetItemAsync(GetItemRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "dynamodb:GetItem", () => region.DynamoDb.GetItem(request), cancellationToken);

    public Task<PutItemResponse> PutItemAsync(PutItemRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "dynamodb:PutItem", () => region.DynamoDb.PutItem(request), cancellationToken);

    public Task<UpdateItemResponse> UpdateItemAsync(UpdateItemRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "dynamodb:UpdateItem", () => region.DynamoDb.UpdateItem(request), cancellationToken);

    public Task<DeleteItemResponse> DeleteItemAsync(DeleteItemRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "dynamodb:DeleteItem", () => region.DynamoDb.DeleteItem(request), cancellationToken);

    public Task<QueryResponse> QueryAsync(QueryRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "dynamodb:Query", () => region.DynamoDb.Query(request), cancellationToken);
}
