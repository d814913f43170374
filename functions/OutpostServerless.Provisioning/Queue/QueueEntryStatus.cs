using System.Text.Json.Serialization;

namespace OutpostServerless.Provisioning.Queue;

/// <summary>Where a provisioning stands in its Outpost's capacity queue.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<QueueEntryStatus>))]
public enum QueueEntryStatus
{
    /// <summary>Parked at the gate with a task token, waiting for its turn.</summary>
    [JsonStringEnumMemberName("waiting")]
    Waiting,

    /// <summary>Given its slots (woken, or let through by its own check): they are held for it until its change ends.</summary>
    [JsonStringEnumMemberName("admitted")]
    Admitted,

    /// <summary>
    /// Its change succeeded: its instances run, but the 5-minute AvailableInstanceType_Count may not show them
    /// yet, so its slots count as held until a datapoint newer than <see cref="CapacityQueueEntry.EndedAt"/>.
    /// </summary>
    [JsonStringEnumMemberName("launched")]
    Launched,
}
