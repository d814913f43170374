using Amazon.DynamoDBv2.Model;

namespace OutpostServerless.Aws.DynamoDb;

/// <summary>Optimistic concurrency over DynamoDB: a write conditioned on the item as it was read.</summary>
public static class ConditionalWrite
{
    /// <summary>Runs the conditional write; false when DynamoDB refused it because the item changed since it was read.</summary>
    public static async Task<bool> UnlessChangedAsync(Func<Task> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        try
        {
            await write();
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }
}
