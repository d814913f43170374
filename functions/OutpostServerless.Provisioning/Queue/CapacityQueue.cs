using Amazon.DynamoDBv2.Model;
using OutpostServerless.Aws.DynamoDb;
using static OutpostServerless.Aws.DynamoDb.ItemValues;
using static OutpostServerless.Provisioning.Queue.CapacityQueueItem;

namespace OutpostServerless.Provisioning.Queue;

/// <summary>
/// The capacity queue table: one item per provisioning waiting for (or holding) slots, partitioned by Outpost and
/// instance type so one strongly consistent Query reads a whole queue. Every change to an entry is a conditional
/// write, so a wake-up and the provisioning's own re-check cannot both claim it, and a late writer from an
/// earlier execution cannot overwrite a newer one.
/// </summary>
public sealed class CapacityQueue(IDynamoDb dynamoDb, string tableName)
{
    public const string DefaultTableName = "CapacityQueueTable";

    /// <summary>Every entry of the queue for this Outpost and instance type.</summary>
    public async Task<IReadOnlyList<CapacityQueueEntry>> ListAsync(string outpostId, string instanceType, CancellationToken cancellationToken)
    {
        var entries = new List<CapacityQueueEntry>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await dynamoDb.QueryAsync(new QueryRequest
            {
                TableName = tableName,
                KeyConditionExpression = "#queue = :queue",
                ExpressionAttributeNames = new Dictionary<string, string> { ["#queue"] = Attributes.Queue },
                ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":queue"] = S(CapacityQueueEntry.QueueKey(outpostId, instanceType)) },
                ConsistentRead = true,
                ExclusiveStartKey = start,
            }, cancellationToken);
            entries.AddRange((page.Items ?? []).Select(FromItem));
            start = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (start is not null);

        return entries;
    }

    /// <summary>Where this provisioning stands in the queue of this Outpost and instance type; null when it is not in it (or only launched).</summary>
    public async Task<QueuePlace?> PlaceOfAsync(string outpostId, string instanceType, string provisioningId, CancellationToken cancellationToken)
    {
        var entries = await ListAsync(outpostId, instanceType, cancellationToken);
        return entries.FirstOrDefault(e => e.ProvisioningId == provisioningId && e.Status != QueueEntryStatus.Launched) is { } entry
            ? QueuePlace.Of(entry, entries)
            : null;
    }

    /// <summary>This provisioning's entry, if it has one.</summary>
    public async Task<CapacityQueueEntry?> GetAsync(string outpostId, string instanceType, string provisioningId, CancellationToken cancellationToken)
    {
        var response = await dynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = tableName,
            Key = Key(CapacityQueueEntry.QueueKey(outpostId, instanceType), provisioningId),
            ConsistentRead = true,
        }, cancellationToken);
        return response.Item is { Count: > 0 } item ? FromItem(item) : null;
    }

    /// <summary>Writes <paramref name="next"/> if the stored entry is still <paramref name="expected"/> (null: none); false when it changed in between.</summary>
    public async Task<bool> TryReplaceAsync(CapacityQueueEntry next, CapacityQueueEntry? expected, CancellationToken cancellationToken)
    {
        var (condition, names, values) = Expect(expected);
        return await ConditionalWrite.UnlessChangedAsync(() => dynamoDb.PutItemAsync(new PutItemRequest
        {
            TableName = tableName,
            Item = ToItem(next),
            ConditionExpression = condition,
            ExpressionAttributeNames = names,
            ExpressionAttributeValues = values,
        }, cancellationToken));
    }

    /// <summary>Removes <paramref name="expected"/> if it is still as read; false when it changed or is gone.</summary>
    public async Task<bool> TryRemoveAsync(CapacityQueueEntry expected, CancellationToken cancellationToken)
    {
        var (condition, names, values) = Expect(expected);
        return await ConditionalWrite.UnlessChangedAsync(() => dynamoDb.DeleteItemAsync(new DeleteItemRequest
        {
            TableName = tableName,
            Key = Key(expected.Queue, expected.ProvisioningId),
            ConditionExpression = condition,
            ExpressionAttributeNames = names,
            ExpressionAttributeValues = values,
        }, cancellationToken));
    }

    /// <summary>The entry is exactly as read: same execution, status and token (none: it does not exist).</summary>
    private static (string Condition, Dictionary<string, string> Names, Dictionary<string, AttributeValue>? Values) Expect(CapacityQueueEntry? expected)
    {
        var names = new Dictionary<string, string> { ["#id"] = Attributes.ProvisioningId };
        if (expected is null)
        {
            return ("attribute_not_exists(#id)", names, null);
        }

        names["#execution"] = Attributes.ExecutionId;
        names["#status"] = Attributes.Status;
        names["#bypassed"] = Attributes.Bypassed;
        var values = new Dictionary<string, AttributeValue>
        {
            [":execution"] = S(expected.ExecutionId),
            [":status"] = S(expected.Status.ToString()),
            [":bypassed"] = N(expected.Bypassed),
        };
        var condition = "attribute_exists(#id) AND #execution = :execution AND #status = :status AND #bypassed = :bypassed AND ";
        names["#token"] = Attributes.TaskToken;
        if (expected.TaskToken is { } token)
        {
            values[":token"] = S(token);
            condition += "#token = :token";
        }
        else
        {
            condition += "attribute_not_exists(#token)";
        }

        return (condition, names, values);
    }
}
