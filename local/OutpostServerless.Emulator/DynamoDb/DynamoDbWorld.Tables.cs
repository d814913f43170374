using System.Text.RegularExpressions;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace OutpostServerless.Emulator.DynamoDb;

internal sealed partial class DynamoDbWorld
{
    /// <summary>
    /// A new table, CREATING until <see cref="EmulatorTimings.TableCreation"/> has passed (or ACTIVE at
    /// once when <paramref name="active"/>: what a CloudFormation stack hands over, having waited for it).
    /// </summary>
    public CreateTableResponse CreateTable(CreateTableRequest request, bool active = false)
    {
        RequireTableName(request.TableName);
        if (!TableNamePattern().IsMatch(request.TableName))
        {
            throw DynamoDbErrors.Invalid($"1 validation error detected: Value '{request.TableName}' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
        }

        if (request.GlobalSecondaryIndexes is { Count: > 0 } || request.LocalSecondaryIndexes is { Count: > 0 })
        {
            throw DynamoDbErrors.Invalid("The emulated DynamoDB has no secondary indexes; query the table's own key.");
        }

        var key = KeySchema(request);
        var billing = request.BillingMode?.Value ?? BillingMode.PROVISIONED.Value;
        var throughput = request.ProvisionedThroughput;
        if (billing == BillingMode.PAY_PER_REQUEST.Value && throughput is not null)
        {
            throw DynamoDbErrors.InvalidParameter("Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
        }

        if (billing == BillingMode.PROVISIONED.Value && (throughput?.ReadCapacityUnits is not > 0 || throughput.WriteCapacityUnits is not > 0))
        {
            throw DynamoDbErrors.InvalidParameter("ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
        }

        if (State.Tables.Exists(t => t.TableName == request.TableName))
        {
            throw DynamoDbErrors.TableExists(request.TableName);
        }

        var id = region.Ids.Hex("dynamodb-table", 32);
        var now = region.Now;
        var table = new TableRecord
        {
            TableName = request.TableName,
            TableArn = region.Arn("dynamodb", $"table/{request.TableName}"),
            TableId = $"{id[..8]}-{id[8..12]}-{id[12..16]}-{id[16..20]}-{id[20..]}",
            CreatedAt = now,
            ActiveAt = active ? now : now + region.Options.Timings.TableCreation,
            Key = key,
            BillingMode = billing,
            ReadCapacityUnits = throughput?.ReadCapacityUnits ?? 0,
            WriteCapacityUnits = throughput?.WriteCapacityUnits ?? 0,
            DeletionProtectionEnabled = request.DeletionProtectionEnabled ?? false,
        };
        State.Tables.Add(table);
        return new CreateTableResponse { TableDescription = Describe(table) };
    }

    public DescribeTableResponse DescribeTable(DescribeTableRequest request)
    {
        RequireTableName(request.TableName);
        var table = State.Tables.Find(t => t.TableName == request.TableName || t.TableArn == request.TableName)
            ?? throw DynamoDbErrors.TableNotFound(request.TableName);
        return new DescribeTableResponse { Table = Describe(table) };
    }

    /// <summary>One HASH key and at most one RANGE key, each defined once in AttributeDefinitions, and nothing else defined.</summary>
    private static List<KeyAttributeRecord> KeySchema(CreateTableRequest request)
    {
        var schema = request.KeySchema ?? [];
        var definitions = request.AttributeDefinitions ?? [];
        var hashes = schema.Count(k => k.KeyType == KeyType.HASH);
        if (schema.Count is < 1 or > 2 || hashes != 1 || (schema.Count == 2 && schema[1].KeyType != KeyType.RANGE))
        {
            throw DynamoDbErrors.InvalidParameter("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
        }

        if (definitions.Count != schema.Count)
        {
            throw DynamoDbErrors.InvalidParameter("Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions");
        }

        return schema.Select(k =>
        {
            var definition = definitions.Find(d => d.AttributeName == k.AttributeName)
                ?? throw DynamoDbErrors.InvalidParameter($"Some index key attributes are not defined in AttributeDefinitions. Keys: [{k.AttributeName}], AttributeDefinitions: [{string.Join(", ", definitions.Select(d => d.AttributeName))}]");
            var type = definition.AttributeType?.Value;
            if (type is not ("S" or "N" or "B"))
            {
                throw DynamoDbErrors.Invalid($"1 validation error detected: Value '{type}' at 'attributeDefinitions.1.member.attributeType' failed to satisfy constraint: Member must satisfy enum value set: [B, N, S]");
            }

            return new KeyAttributeRecord { Name = k.AttributeName, KeyType = k.KeyType.Value, Type = type };
        }).ToList();
    }

    private TableDescription Describe(TableRecord table) => new()
    {
        TableName = table.TableName,
        TableArn = table.TableArn,
        TableId = table.TableId,
        TableStatus = region.Now < table.ActiveAt ? TableStatus.CREATING : TableStatus.ACTIVE,
        CreationDateTime = table.CreatedAt.UtcDateTime,
        KeySchema = table.Key.Select(k => new KeySchemaElement { AttributeName = k.Name, KeyType = k.KeyType }).ToList(),
        AttributeDefinitions = table.Key.Select(k => new AttributeDefinition { AttributeName = k.Name, AttributeType = k.Type }).ToList(),
        ItemCount = table.Items.Count,
        TableSizeBytes = table.Items.Sum(i => (long)AttributeValues.Size(AttributeValueJson.ReadItem(i))),
        BillingModeSummary = table.BillingMode == BillingMode.PAY_PER_REQUEST.Value
            ? new BillingModeSummary { BillingMode = BillingMode.PAY_PER_REQUEST, LastUpdateToPayPerRequestDateTime = table.CreatedAt.UtcDateTime }
            : null,
        ProvisionedThroughput = new ProvisionedThroughputDescription
        {
            ReadCapacityUnits = table.ReadCapacityUnits,
            WriteCapacityUnits = table.WriteCapacityUnits,
        },
        DeletionProtectionEnabled = table.DeletionProtectionEnabled,
    };

    [GeneratedRegex("^[a-zA-Z0-9_.-]{3,255}$")]
    private static partial Regex TableNamePattern();
}
