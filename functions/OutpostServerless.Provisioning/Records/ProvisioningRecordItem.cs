using static OutpostServerless.Aws.DynamoDb.ItemValues;
using Amazon.DynamoDBv2.Model;

namespace OutpostServerless.Provisioning.Records;

/// <summary>A <see cref="ProvisioningRecord"/> as a DynamoDB item (attribute names as <see cref="Attributes"/> lists them).</summary>
internal static class ProvisioningRecordItem
{
    public static class Attributes
    {
        public const string ProvisioningId = "provisioningId";
        public const string Generation = "generation";
        public const string Status = "status";
        public const string Lock = "lock";
        public const string Execution = "execution";
        public const string Action = "action";
        public const string Since = "since";
        public const string LeaseExpiresAt = "leaseExpiresAt";
        public const string LastAppliedPlan = "lastAppliedPlan";
        public const string LastAppliedGeneration = "lastAppliedGeneration";
        public const string AttemptedPlan = "attemptedPlan";
        public const string Executions = "executions";
        public const string Outcome = "outcome";
        public const string StartedAt = "startedAt";
        public const string EndedAt = "endedAt";
        public const string Error = "error";
        public const string Cause = "cause";
    }

    public static Dictionary<string, AttributeValue> Key(string provisioningId) => new() { [Attributes.ProvisioningId] = S(provisioningId) };

    public static Dictionary<string, AttributeValue> ToItem(ProvisioningRecord record)
    {
        var item = new Dictionary<string, AttributeValue>
        {
            [Attributes.ProvisioningId] = S(record.ProvisioningId),
            [Attributes.Generation] = N(record.Generation),
            [Attributes.Status] = S(record.Status.ToString()),
            [Attributes.Executions] = new AttributeValue { L = [.. record.Executions.Select(e => new AttributeValue { M = Entry(e) })] },
        };
        if (record.Lock is { } held)
        {
            item[Attributes.Lock] = new AttributeValue
            {
                M = new Dictionary<string, AttributeValue>
                {
                    [Attributes.Execution] = S(held.Execution),
                    [Attributes.Generation] = N(held.Generation),
                    [Attributes.Action] = S(held.Action.ToString()),
                    [Attributes.Since] = Time(held.Since),
                    [Attributes.LeaseExpiresAt] = Time(held.LeaseExpiresAt),
                },
            };
        }

        if (record.LastAppliedPlan is { } plan)
        {
            item[Attributes.LastAppliedPlan] = S(plan);
        }

        if (record.AttemptedPlan is { } attempted)
        {
            item[Attributes.AttemptedPlan] = S(attempted);
        }

        if (record.LastAppliedGeneration is { } generation)
        {
            item[Attributes.LastAppliedGeneration] = N(generation);
        }

        return item;
    }

    public static ProvisioningRecord FromItem(Dictionary<string, AttributeValue> item) => new()
    {
        ProvisioningId = item[Attributes.ProvisioningId].S,
        Generation = Long(item[Attributes.Generation]),
        Status = Enum.Parse<ProvisioningStatus>(item[Attributes.Status].S),
        Lock = item.TryGetValue(Attributes.Lock, out var held) && held.M is { } l
            ? new ChangeLock(l[Attributes.Execution].S, Long(l[Attributes.Generation]), Enum.Parse<ChangeKind>(l[Attributes.Action].S), Time(l[Attributes.Since]), Time(l[Attributes.LeaseExpiresAt]))
            : null,
        LastAppliedPlan = item.TryGetValue(Attributes.LastAppliedPlan, out var plan) ? plan.S : null,
        LastAppliedGeneration = item.TryGetValue(Attributes.LastAppliedGeneration, out var generation) ? Long(generation) : null,
        AttemptedPlan = item.TryGetValue(Attributes.AttemptedPlan, out var attempted) ? attempted.S : null,
        Executions = item.TryGetValue(Attributes.Executions, out var executions) && executions.L is { } list ? [.. list.Select(e => Entry(e.M))] : [],
    };

    private static Dictionary<string, AttributeValue> Entry(ExecutionEntry entry)
    {
        var map = new Dictionary<string, AttributeValue>
        {
            [Attributes.Execution] = S(entry.Execution),
            [Attributes.Generation] = N(entry.Generation),
            [Attributes.Action] = S(entry.Action.ToString()),
            [Attributes.Outcome] = S(entry.Outcome.ToString()),
            [Attributes.StartedAt] = Time(entry.StartedAt),
        };
        if (entry.EndedAt is { } ended)
        {
            map[Attributes.EndedAt] = Time(ended);
        }

        if (entry.Error is { } error)
        {
            map[Attributes.Error] = S(error);
        }

        if (entry.Cause is { } cause)
        {
            map[Attributes.Cause] = S(cause);
        }

        return map;
    }

    private static ExecutionEntry Entry(Dictionary<string, AttributeValue> map) => new(
        map[Attributes.Execution].S,
        Long(map[Attributes.Generation]),
        Enum.Parse<ChangeKind>(map[Attributes.Action].S),
        Enum.Parse<ChangeOutcome>(map[Attributes.Outcome].S),
        Time(map[Attributes.StartedAt]),
        map.TryGetValue(Attributes.EndedAt, out var ended) ? Time(ended) : null,
        map.TryGetValue(Attributes.Error, out var error) ? error.S : null,
        map.TryGetValue(Attributes.Cause, out var cause) ? cause.S : null);
}
