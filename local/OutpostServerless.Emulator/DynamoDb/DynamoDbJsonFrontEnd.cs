using System.Text;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using OutpostServerless.Aws.DynamoDb;
using OutpostServerless.Emulator.Wire.Http;
using OutpostServerless.Emulator.Wire.Protocols;

namespace OutpostServerless.Emulator.DynamoDb;

/// <summary>Amazon DynamoDB over awsJson1_0 (<c>X-Amz-Target: DynamoDB_20120810.PutItem</c>).</summary>
internal sealed class DynamoDbJsonFrontEnd(IDynamoDb dynamoDb) : AwsJsonFrontEnd("dynamodb", TargetPrefix, "1.0", "DynamoDB")
{
    public const string TargetPrefix = "DynamoDB_20120810";

    // DynamoDB names its errors by their fully qualified shape; clients keep what follows '#'.
    private const string ErrorNamespace = "com.amazonaws.dynamodb.v20120810#";

    protected override async Task<byte[]?> InvokeAsync(string operation, WireRequest request, CancellationToken cancellationToken)
    {
        var read = DynamoDbRequestReader.Of(request.Body);
        JsonObject? answer = operation switch
        {
            "CreateTable" => new JsonObject { ["TableDescription"] = DynamoDbResponseWriter.Table((await dynamoDb.CreateTableAsync(read.CreateTable(), cancellationToken)).TableDescription) },
            "DescribeTable" => new JsonObject { ["Table"] = DynamoDbResponseWriter.Table((await dynamoDb.DescribeTableAsync(read.DescribeTable(), cancellationToken)).Table) },
            "GetItem" => DynamoDbResponseWriter.WithItem("Item", (await dynamoDb.GetItemAsync(read.GetItem(), cancellationToken)).Item),
            "PutItem" => DynamoDbResponseWriter.WithItem("Attributes", (await dynamoDb.PutItemAsync(read.PutItem(), cancellationToken)).Attributes),
            "UpdateItem" => DynamoDbResponseWriter.WithItem("Attributes", (await dynamoDb.UpdateItemAsync(read.UpdateItem(), cancellationToken)).Attributes),
            "DeleteItem" => DynamoDbResponseWriter.WithItem("Attributes", (await dynamoDb.DeleteItemAsync(read.DeleteItem(), cancellationToken)).Attributes),
            "Query" => DynamoDbResponseWriter.Query(await dynamoDb.QueryAsync(read.Query(), cancellationToken)),
            _ => null,
        };
        return answer is null ? null : Encoding.UTF8.GetBytes(answer.ToJsonString());
    }

    /// <summary><c>{"__type":"com.amazonaws.dynamodb.v20120810#Code","message":…}</c>, with the item when a condition check asked for it.</summary>
    public override WireResponse Error(AmazonServiceException error, string requestId)
    {
        var plain = base.Error(error, requestId);
        var body = JsonNode.Parse(plain.Body.Span)!.AsObject();
        if (!error.ErrorCode.Contains('#', StringComparison.Ordinal))
        {
            body["__type"] = ErrorNamespace + error.ErrorCode;
        }

        if (error is ConditionalCheckFailedException { Item: { } item })
        {
            body["Item"] = AttributeValueJson.ItemNode(item);
        }

        return plain with { Body = Encoding.UTF8.GetBytes(body.ToJsonString()) };
    }
}
