using OutpostServerless.Emulator.World;

namespace OutpostServerless.Emulator.DynamoDb;

/// <summary>
/// DynamoDB's tables and items, for the low-level API's operations the workflow uses (one file per
/// family). Answers are AWSSDK.DynamoDBv2 model objects built fresh per call; items are kept in
/// DynamoDB JSON so the world saves and loads as one document.
/// </summary>
internal sealed partial class DynamoDbWorld(EmulatedRegion region)
{
    /// <summary>DynamoDB's maximum item size (Developer Guide, "Service, account, and table quotas": 400 KB).</summary>
    private const int MaxItemBytes = 400 * 1024;

    private DynamoDbState State => region.State.DynamoDb;

    /// <summary>The table a data-plane call names (by name or ARN); a missing or still CREATING table is not found.</summary>
    private TableRecord ActiveTable(string? tableName)
    {
        RequireTableName(tableName);
        var table = State.Tables.Find(t => t.TableName == tableName || t.TableArn == tableName);
        return table is null || region.Now < table.ActiveAt ? throw DynamoDbErrors.TableNotFound() : table;
    }

    private static void RequireTableName(string? tableName)
    {
        if (string.IsNullOrEmpty(tableName))
        {
            throw DynamoDbErrors.Invalid("1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null");
        }
    }

    /// <summary>Refuses the legacy (pre-expression) parameters, which this emulation does not evaluate: answering them as if absent would be kinder than DynamoDB.</summary>
    private static void RefuseLegacy(params (string Name, bool IsSet)[] parameters)
    {
        var set = parameters.Where(p => p.IsSet).Select(p => p.Name).ToList();
        if (set.Count > 0)
        {
            throw DynamoDbErrors.LegacyParameters(set);
        }
    }
}
