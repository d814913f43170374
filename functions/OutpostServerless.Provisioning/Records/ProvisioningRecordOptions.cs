namespace OutpostServerless.Provisioning.Records;

/// <summary>Where the records live and how long a lock lasts at most.</summary>
/// <param name="TableName">The <c>Provisionings</c> table (the stack's <c>ProvisioningsTable</c>).</param>
/// <param name="Lease">The state machines' execution timeout: a lock older than that belongs to an execution that is over.</param>
public sealed record ProvisioningRecordOptions(string TableName, TimeSpan Lease)
{
    public const string DefaultTableName = "ProvisioningsTable";

    /// <summary>statemachine/*.asl.json's <c>TimeoutSeconds</c>: the capacity wait's limit (one day) and a day for the rest.</summary>
    public static readonly TimeSpan DefaultLease = TimeSpan.FromSeconds(172_800);

    public static ProvisioningRecordOptions Default { get; } = new(DefaultTableName, DefaultLease);
}
