using Amazon.DynamoDBv2.Model;
using static OutpostServerless.Aws.DynamoDb.ItemValues;

namespace OutpostServerless.Provisioning.Queue;

/// <summary>A <see cref="CapacityQueueEntry"/> as a DynamoDB item of the capacity queue table (key: queue, provisioningId).</summary>
internal static class CapacityQueueItem
{
    public static class Attributes
    {
        public const string Queue = "queue";
        public const string ProvisioningId = "provisioningId";
        public const string OutpostId = "outpostId";
        public const string InstanceType = "instanceType";
        public const string ExecutionId = "executionId";
        public const string SlotsNeeded = "slotsNeeded";
        public const string Since = "since";
        public const string Status = "status";
        public const string TaskToken = "taskToken";
        public const string Bypassed = "bypassed";
        public const string AdmittedAt = "admittedAt";
        public const string EndedAt = "endedAt";
    }

    public static Dictionary<string, AttributeValue> Key(string queue, string provisioningId) => new()
    {
        [Attributes.Queue] = S(queue),
        [Attributes.ProvisioningId] = S(provisioningId),
    };

    public static Dictionary<string, AttributeValue> ToItem(CapacityQueueEntry entry)
    {
        var item = Key(entry.Queue, entry.ProvisioningId);
        item[Attributes.OutpostId] = S(entry.OutpostId);
        item[Attributes.InstanceType] = S(entry.InstanceType);
        item[Attributes.ExecutionId] = S(entry.ExecutionId);
        item[Attributes.SlotsNeeded] = N(entry.SlotsNeeded);
        item[Attributes.Since] = Time(entry.Since);
        item[Attributes.Status] = S(entry.Status.ToString());
        item[Attributes.Bypassed] = N(entry.Bypassed);
        if (entry.TaskToken is { } token)
        {
            item[Attributes.TaskToken] = S(token);
        }

        if (entry.AdmittedAt is { } admitted)
        {
            item[Attributes.AdmittedAt] = Time(admitted);
        }

        if (entry.EndedAt is { } ended)
        {
            item[Attributes.EndedAt] = Time(ended);
        }

        return item;
    }

    public static CapacityQueueEntry FromItem(IReadOnlyDictionary<string, AttributeValue> item) => new(
        item[Attributes.OutpostId].S,
        item[Attributes.InstanceType].S,
        item[Attributes.ProvisioningId].S,
        item[Attributes.ExecutionId].S,
        Int(item[Attributes.SlotsNeeded]),
        Time(item[Attributes.Since]),
        Enum.Parse<QueueEntryStatus>(item[Attributes.Status].S),
        item.TryGetValue(Attributes.TaskToken, out var token) ? token.S : null,
        item.TryGetValue(Attributes.Bypassed, out var bypassed) ? Int(bypassed) : 0,
        item.TryGetValue(Attributes.AdmittedAt, out var admitted) ? Time(admitted) : null,
        item.TryGetValue(Attributes.EndedAt, out var ended) ? Time(ended) : null);
}
