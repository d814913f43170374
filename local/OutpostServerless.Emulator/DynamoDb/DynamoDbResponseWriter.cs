using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;

namespace OutpostServerless.Emulator.DynamoDb;

/// <summary>DynamoDB's awsJson1_0 answers: absent members left out, times as epoch seconds.</summary>
internal static class DynamoDbResponseWriter
{
    public static JsonObject Table(TableDescription table)
    {
        var node = new JsonObject
        {
            ["TableName"] = table.TableName,
            ["TableArn"] = table.TableArn,
            ["TableId"] = table.TableId,
            ["TableStatus"] = table.TableStatus.Value,
            ["CreationDateTime"] = EpochSeconds(table.CreationDateTime!.Value),
            ["KeySchema"] = new JsonArray([.. table.KeySchema.Select(k => (JsonNode)new JsonObject { ["AttributeName"] = k.AttributeName, ["KeyType"] = k.KeyType.Value })]),
            ["AttributeDefinitions"] = new JsonArray([.. table.AttributeDefinitions.Select(d => (JsonNode)new JsonObject { ["AttributeName"] = d.AttributeName, ["AttributeType"] = d.AttributeType.Value })]),
            ["ItemCount"] = table.ItemCount,
            ["TableSizeBytes"] = table.TableSizeBytes,
            ["ProvisionedThroughput"] = new JsonObject
            {
                ["NumberOfDecreasesToday"] = 0,
                ["ReadCapacityUnits"] = table.ProvisionedThroughput.ReadCapacityUnits,
                ["WriteCapacityUnits"] = table.ProvisionedThroughput.WriteCapacityUnits,
            },
            ["DeletionProtectionEnabled"] = table.DeletionProtectionEnabled,
        };
        if (table.BillingModeSummary is { } billing)
        {
            node["BillingModeSummary"] = new JsonObject
            {
                ["BillingMode"] = billing.BillingMode.Value,
                ["LastUpdateToPayPerRequestDateTime"] = EpochSeconds(billing.LastUpdateToPayPerRequestDateTime!.Value),
            };
        }

        return node;
    }

    /// <summary><c>{member: item}</c>, or <c>{}</c> when there is no item.</summary>
    public static JsonObject WithItem(string member, Dictionary<string, AttributeValue>? item) =>
        item is null ? [] : new JsonObject { [member] = AttributeValueJson.ItemNode(item) };

    public static JsonObject Query(QueryResponse response)
    {
        var node = new JsonObject { ["Count"] = response.Count, ["ScannedCount"] = response.ScannedCount };
        if (response.Items is { } items)
        {
            node["Items"] = new JsonArray([.. items.Select(i => (JsonNode)AttributeValueJson.ItemNode(i))]);
        }

        if (response.LastEvaluatedKey is { } last)
        {
            node["LastEvaluatedKey"] = AttributeValueJson.ItemNode(last);
        }

        return node;
    }

    private static double EpochSeconds(DateTime time) => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)).ToUnixTimeMilliseconds() / 1000.0;
}
