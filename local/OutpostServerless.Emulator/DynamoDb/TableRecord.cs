using System.Text.Json.Nodes;

namespace OutpostServerless.Emulator.DynamoDb;

/// <summary>A key attribute of a table: its name, <c>HASH</c> or <c>RANGE</c>, and its scalar type (<c>S</c>, <c>N</c>, <c>B</c>).</summary>
internal sealed class KeyAttributeRecord
{
    public required string Name { get; set; }
    public required string KeyType { get; set; }
    public required string Type { get; set; }
}

internal sealed class TableRecord
{
    public required string TableName { get; set; }
    public required string TableArn { get; set; }
    public required string TableId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>When CREATING turns ACTIVE; reads and writes are refused until then.</summary>
    public DateTimeOffset ActiveAt { get; set; }
    public List<KeyAttributeRecord> Key { get; set; } = [];
    public required string BillingMode { get; set; }
    public long ReadCapacityUnits { get; set; }
    public long WriteCapacityUnits { get; set; }
    public bool DeletionProtectionEnabled { get; set; }
    /// <summary>Items in DynamoDB JSON, in the order they were first written.</summary>
    public List<JsonObject> Items { get; set; } = [];

    public KeyAttributeRecord PartitionKey => Key.Single(k => k.KeyType == "HASH");

    public KeyAttributeRecord? SortKey => Key.SingleOrDefault(k => k.KeyType == "RANGE");
}

/// <summary>DynamoDB's tables, in creation order.</summary>
internal sealed class DynamoDbState
{
    public List<TableRecord> Tables { get; set; } = [];
}
