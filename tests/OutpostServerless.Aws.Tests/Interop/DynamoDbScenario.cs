using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace OutpostServerless.Aws.Tests.Interop;

/// <summary>
/// The DynamoDB calls the workflow's records make, through any <see cref="AwsPorts"/>: a table with a
/// partition and a sort key, conditional writes (the lock pattern: take it only when free, fail naming
/// who holds it), counters and removals in one update, a paged query, and DynamoDB's error codes.
/// Run against moto, against the emulator's wire server and in process, it keeps them agreeing.
/// </summary>
public static class DynamoDbScenario
{
    private static readonly Dictionary<string, string> Names = new() { ["#owner"] = "owner", ["#generation"] = "generation", ["#note"] = "note", ["#hits"] = "hits" };

    /// <param name="untilActive">Lets the table become ACTIVE (the emulator's clock moves; moto's tables are ACTIVE at once).</param>
    public static async Task RunAsync(AwsPorts ports, string table, Func<Task> untilActive)
    {
        var db = ports.DynamoDb;
        var created = await db.CreateTableAsync(new CreateTableRequest
        {
            TableName = table,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S), new AttributeDefinition("sk", ScalarAttributeType.N)],
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH), new KeySchemaElement("sk", KeyType.RANGE)],
        });
        Assert.Equal(table, created.TableDescription.TableName);
        await untilActive();
        var described = (await db.DescribeTableAsync(new DescribeTableRequest { TableName = table })).Table;
        Assert.Equal((TableStatus.ACTIVE, BillingMode.PAY_PER_REQUEST), (described.TableStatus, described.BillingModeSummary.BillingMode));
        Assert.Equal(["pk", "sk"], described.KeySchema.Select(k => k.AttributeName));
        Assert.EndsWith(":table/" + table, described.TableArn, StringComparison.Ordinal);
        var again = await Assert.ThrowsAsync<ResourceInUseException>(() => db.CreateTableAsync(new CreateTableRequest
        {
            TableName = table,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
        }));
        Assert.Equal("ResourceInUseException", again.ErrorCode);

        // Take the lock only when nobody holds it.
        var key = Key("p-1", 0);
        await db.PutItemAsync(new PutItemRequest
        {
            TableName = table,
            Item = new(key) { ["owner"] = new AttributeValue { S = "exec-1" }, ["generation"] = new AttributeValue { N = "1" }, ["note"] = new AttributeValue { S = "x" } },
            ConditionExpression = "attribute_not_exists(pk)",
        });
        var taken = await Assert.ThrowsAsync<ConditionalCheckFailedException>(() => db.PutItemAsync(new PutItemRequest
        {
            TableName = table,
            Item = new(key) { ["owner"] = new AttributeValue { S = "exec-2" } },
            ConditionExpression = "attribute_not_exists(pk)",
            ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
        }));
        Assert.Equal("ConditionalCheckFailedException", taken.ErrorCode);
        Assert.Equal("exec-1", taken.Item["owner"].S);

        // One update: a counter, a new owner when the old one is the expected one, a removal, an ADD.
        var updated = await db.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = table,
            Key = key,
            UpdateExpression = "SET #generation = #generation + :one, #owner = :next REMOVE #note ADD #hits :one",
            ConditionExpression = "#owner = :current AND NOT (#generation > :one) AND (attribute_exists(#note) OR #generation < :one)",
            ExpressionAttributeNames = Names,
            ExpressionAttributeValues = new() { [":one"] = new AttributeValue { N = "1" }, [":next"] = new AttributeValue { S = "exec-2" }, [":current"] = new AttributeValue { S = "exec-1" } },
            ReturnValues = ReturnValue.ALL_NEW,
        });
        Assert.Equal(("2", "exec-2", "1", false), (updated.Attributes["generation"].N, updated.Attributes["owner"].S, updated.Attributes["hits"].N, updated.Attributes.ContainsKey("note")));
        var stale = await Assert.ThrowsAsync<ConditionalCheckFailedException>(() => db.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = table,
            Key = key,
            UpdateExpression = "SET #owner = :next",
            ConditionExpression = "#owner = :current",
            ExpressionAttributeNames = new() { ["#owner"] = "owner" },
            ExpressionAttributeValues = new() { [":next"] = new AttributeValue { S = "exec-3" }, [":current"] = new AttributeValue { S = "exec-1" } },
        }));
        Assert.Equal("ConditionalCheckFailedException", stale.ErrorCode);
        var read = await db.GetItemAsync(new GetItemRequest { TableName = table, Key = key, ConsistentRead = true });
        Assert.Equal("exec-2", read.Item["owner"].S);
        var absent = await db.GetItemAsync(new GetItemRequest { TableName = table, Key = Key("p-1", 99) });
        Assert.True(absent.Item is null or { Count: 0 });

        // A partition's items come back in sort-key order, a page at a time.
        for (var sk = 1; sk <= 4; sk++)
        {
            await db.PutItemAsync(new PutItemRequest { TableName = table, Item = new(Key("p-1", sk)) { ["hits"] = new AttributeValue { N = (sk * 10).ToString(System.Globalization.CultureInfo.InvariantCulture) } } });
        }

        await db.PutItemAsync(new PutItemRequest { TableName = table, Item = Key("p-2", 1) });
        var page = await db.QueryAsync(new QueryRequest
        {
            TableName = table,
            KeyConditionExpression = "pk = :p AND sk BETWEEN :low AND :high",
            ExpressionAttributeValues = new() { [":p"] = new AttributeValue { S = "p-1" }, [":low"] = new AttributeValue { N = "1" }, [":high"] = new AttributeValue { N = "4" } },
            ScanIndexForward = false,
            Limit = 2,
        });
        Assert.Equal(["4", "3"], page.Items.Select(i => i["sk"].N));
        Assert.Equal("3", page.LastEvaluatedKey["sk"].N);
        var rest = await db.QueryAsync(new QueryRequest
        {
            TableName = table,
            KeyConditionExpression = "pk = :p",
            FilterExpression = "#hits >= :twenty",
            ExpressionAttributeNames = new() { ["#hits"] = "hits" },
            ExpressionAttributeValues = new() { [":p"] = new AttributeValue { S = "p-1" }, [":twenty"] = new AttributeValue { N = "20" } },
            ExclusiveStartKey = page.LastEvaluatedKey,
            ScanIndexForward = false,
        });
        Assert.Equal(["2"], rest.Items.Select(i => i["sk"].N));
        Assert.Equal((1, 3), (rest.Count, rest.ScannedCount));

        // A conditional delete, then the item is gone.
        await Assert.ThrowsAsync<ConditionalCheckFailedException>(() => db.DeleteItemAsync(new DeleteItemRequest
        {
            TableName = table,
            Key = key,
            ConditionExpression = "#owner = :someone",
            ExpressionAttributeNames = new() { ["#owner"] = "owner" },
            ExpressionAttributeValues = new() { [":someone"] = new AttributeValue { S = "exec-9" } },
        }));
        var deleted = await db.DeleteItemAsync(new DeleteItemRequest { TableName = table, Key = key, ReturnValues = ReturnValue.ALL_OLD });
        Assert.Equal("exec-2", deleted.Attributes["owner"].S);
        var gone = await db.GetItemAsync(new GetItemRequest { TableName = table, Key = key });
        Assert.True(gone.Item is null or { Count: 0 });

        // DynamoDB's error codes.
        var missingTable = await Assert.ThrowsAsync<ResourceNotFoundException>(() => db.GetItemAsync(new GetItemRequest { TableName = table + "-absent", Key = key }));
        Assert.Equal("ResourceNotFoundException", missingTable.ErrorCode);
        var wrongKey = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => db.GetItemAsync(new GetItemRequest { TableName = table, Key = new() { ["pk"] = new AttributeValue { S = "p-1" } } }));
        Assert.Equal("ValidationException", wrongKey.ErrorCode);
    }

    private static Dictionary<string, AttributeValue> Key(string pk, int sk) => new()
    {
        ["pk"] = new AttributeValue { S = pk },
        ["sk"] = new AttributeValue { N = sk.ToString(System.Globalization.CultureInfo.InvariantCulture) },
    };
}
