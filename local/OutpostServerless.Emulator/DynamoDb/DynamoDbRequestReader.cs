using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using OutpostServerless.Aws.Errors;

namespace OutpostServerless.Emulator.DynamoDb;

/// <summary>DynamoDB's awsJson1_0 request bodies as AWSSDK.DynamoDBv2 requests (members as the API Reference names them).</summary>
internal sealed class DynamoDbRequestReader(JsonObject body)
{
    private static readonly string[] Legacy = ["Expected", "AttributeUpdates", "KeyConditions", "QueryFilter", "AttributesToGet", "ConditionalOperator", "ScanFilter"];

    public static DynamoDbRequestReader Of(ReadOnlyMemory<byte> content)
    {
        try
        {
            var node = content.IsEmpty ? new JsonObject() : JsonNode.Parse(content.Span);
            var body = node as JsonObject ?? throw Malformed("The request body must be a JSON object.");
            var legacy = Legacy.Where(body.ContainsKey).ToList();
            return legacy.Count > 0 ? throw DynamoDbErrors.LegacyParameters(legacy) : new DynamoDbRequestReader(body);
        }
        catch (JsonException malformed)
        {
            throw Malformed(malformed.Message);
        }
    }

    public CreateTableRequest CreateTable() => new()
    {
        TableName = String("TableName"),
        AttributeDefinitions = Objects("AttributeDefinitions")?.Select(d => new AttributeDefinition { AttributeName = String(d, "AttributeName"), AttributeType = String(d, "AttributeType") }).ToList(),
        KeySchema = Objects("KeySchema")?.Select(k => new KeySchemaElement { AttributeName = String(k, "AttributeName"), KeyType = String(k, "KeyType") }).ToList(),
        BillingMode = String("BillingMode") is { } billing ? new BillingMode(billing) : null,
        ProvisionedThroughput = body["ProvisionedThroughput"] is JsonObject throughput
            ? new ProvisionedThroughput { ReadCapacityUnits = Long(throughput, "ReadCapacityUnits"), WriteCapacityUnits = Long(throughput, "WriteCapacityUnits") }
            : null,
        DeletionProtectionEnabled = Bool("DeletionProtectionEnabled"),
        // Secondary indexes are not emulated: their presence is enough for the world to refuse them.
        GlobalSecondaryIndexes = Objects("GlobalSecondaryIndexes")?.Select(_ => new GlobalSecondaryIndex()).ToList(),
        LocalSecondaryIndexes = Objects("LocalSecondaryIndexes")?.Select(_ => new LocalSecondaryIndex()).ToList(),
    };

    public DescribeTableRequest DescribeTable() => new() { TableName = String("TableName") };

    public GetItemRequest GetItem() => new()
    {
        TableName = String("TableName"),
        Key = Item("Key"),
        ProjectionExpression = String("ProjectionExpression"),
        ExpressionAttributeNames = Names(),
        ConsistentRead = Bool("ConsistentRead"),
    };

    public PutItemRequest PutItem() => new()
    {
        TableName = String("TableName"),
        Item = Item("Item"),
        ConditionExpression = String("ConditionExpression"),
        ExpressionAttributeNames = Names(),
        ExpressionAttributeValues = Item("ExpressionAttributeValues"),
        ReturnValues = String("ReturnValues") is { } returnValues ? new ReturnValue(returnValues) : null,
        ReturnValuesOnConditionCheckFailure = OnFailure(),
    };

    public UpdateItemRequest UpdateItem() => new()
    {
        TableName = String("TableName"),
        Key = Item("Key"),
        UpdateExpression = String("UpdateExpression"),
        ConditionExpression = String("ConditionExpression"),
        ExpressionAttributeNames = Names(),
        ExpressionAttributeValues = Item("ExpressionAttributeValues"),
        ReturnValues = String("ReturnValues") is { } returnValues ? new ReturnValue(returnValues) : null,
        ReturnValuesOnConditionCheckFailure = OnFailure(),
    };

    public DeleteItemRequest DeleteItem() => new()
    {
        TableName = String("TableName"),
        Key = Item("Key"),
        ConditionExpression = String("ConditionExpression"),
        ExpressionAttributeNames = Names(),
        ExpressionAttributeValues = Item("ExpressionAttributeValues"),
        ReturnValues = String("ReturnValues") is { } returnValues ? new ReturnValue(returnValues) : null,
        ReturnValuesOnConditionCheckFailure = OnFailure(),
    };

    public QueryRequest Query() => new()
    {
        TableName = String("TableName"),
        IndexName = String("IndexName"),
        KeyConditionExpression = String("KeyConditionExpression"),
        FilterExpression = String("FilterExpression"),
        ProjectionExpression = String("ProjectionExpression"),
        ExpressionAttributeNames = Names(),
        ExpressionAttributeValues = Item("ExpressionAttributeValues"),
        Limit = body["Limit"] is null ? null : (int)Long(body, "Limit"),
        ScanIndexForward = Bool("ScanIndexForward"),
        ExclusiveStartKey = Item("ExclusiveStartKey"),
        Select = String("Select") is { } select ? new Select(select) : null,
        ConsistentRead = Bool("ConsistentRead"),
    };

    private ReturnValuesOnConditionCheckFailure? OnFailure() =>
        String("ReturnValuesOnConditionCheckFailure") is { } value ? new ReturnValuesOnConditionCheckFailure(value) : null;

    private Dictionary<string, AttributeValue>? Item(string member) =>
        body[member] is null ? null : AttributeValueJson.ReadItem(body[member]);

    private Dictionary<string, string>? Names() =>
        body["ExpressionAttributeNames"] is JsonObject names
            ? names.ToDictionary(p => p.Key, p => Text(p.Value, "ExpressionAttributeNames"), StringComparer.Ordinal)
            : null;

    private IEnumerable<JsonObject>? Objects(string member) => body[member] switch
    {
        null => null,
        JsonArray array => array.Select(e => e as JsonObject ?? throw Malformed($"{member} must be a list of objects.")),
        _ => throw Malformed($"{member} must be a list."),
    };

    private string? String(string member) => String(body, member);

    private bool? Bool(string member) => body[member] switch
    {
        null => null,
        JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => value.GetValue<bool>(),
        _ => throw Malformed($"{member} must be a boolean."),
    };

    private static string? String(JsonObject node, string member) => node[member] is null ? null : Text(node[member], member);

    private static string Text(JsonNode? node, string member) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : throw Malformed($"{member} must be a string.");

    private static long Long(JsonObject node, string member) =>
        node[member] is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<long>(out var number)
            ? number
            : throw Malformed($"{member} must be an integer.");

    private static AwsServiceError Malformed(string message) => new("dynamodb", "SerializationException", message, HttpStatusCode.BadRequest);
}
