using Amazon.DynamoDBv2.Model;
using OutpostServerless.Aws.DynamoDb;
using static OutpostServerless.Aws.DynamoDb.ItemValues;
using static OutpostServerless.Provisioning.Records.ProvisioningRecordItem;

namespace OutpostServerless.Provisioning.Records;

/// <summary>
/// The <c>Provisionings</c> table: reads a record (strongly consistent) and replaces it only if nobody
/// changed it since it was read (optimistic concurrency on the generation and the lock holder), so two
/// executions racing for one provisioning cannot both win.
/// </summary>
public sealed class ProvisioningRecords(IDynamoDb dynamoDb, string tableName)
{
    public async Task<ProvisioningRecord?> GetAsync(string provisioningId, CancellationToken cancellationToken)
    {
        var response = await dynamoDb.GetItemAsync(new GetItemRequest { TableName = tableName, Key = Key(provisioningId), ConsistentRead = true }, cancellationToken);
        return response.Item is { Count: > 0 } item ? FromItem(item) : null;
    }

    /// <summary>
    /// Writes <paramref name="next"/> if the stored record is still <paramref name="expected"/> (null: there is none);
    /// false when it changed in between, and nothing was written.
    /// </summary>
    public async Task<bool> TryReplaceAsync(ProvisioningRecord next, ProvisioningRecord? expected, CancellationToken cancellationToken)
    {
        var names = new Dictionary<string, string> { ["#id"] = Attributes.ProvisioningId };
        var values = new Dictionary<string, AttributeValue>();
        string condition;
        if (expected is null)
        {
            condition = "attribute_not_exists(#id)";
        }
        else
        {
            names["#generation"] = Attributes.Generation;
            names["#lock"] = Attributes.Lock;
            values[":generation"] = N(expected.Generation);
            condition = "attribute_exists(#id) AND #generation = :generation AND ";
            if (expected.Lock is { } held)
            {
                names["#execution"] = Attributes.Execution;
                values[":holder"] = S(held.Execution);
                condition += "#lock.#execution = :holder";
            }
            else
            {
                condition += "attribute_not_exists(#lock)";
            }
        }

        return await ConditionalWrite.UnlessChangedAsync(() => dynamoDb.PutItemAsync(new PutItemRequest
        {
            TableName = tableName,
            Item = ToItem(next),
            ConditionExpression = condition,
            ExpressionAttributeNames = names,
            ExpressionAttributeValues = values.Count > 0 ? values : null,
        }, cancellationToken));
    }
}
