using System.Globalization;
using OutpostServerless.Functions.Errors;
using OutpostServerless.Provisioning.Queue;
using OutpostServerless.Provisioning.Records;
using OutpostServerless.Provisioning.Request;

namespace OutpostServerless.Functions.Handlers;

/// <summary>What a deployment configures for the steps: the template's Globals environment variables.</summary>
public sealed record StepSettings
{
    public const string DefaultCapacityWaitVariable = "OUTPOST_SERVERLESS_DEFAULT_CAPACITY_WAIT_SECONDS";
    public const string ProvisioningsTableVariable = "OUTPOST_SERVERLESS_PROVISIONINGS_TABLE";
    public const string CapacityQueueTableVariable = "OUTPOST_SERVERLESS_CAPACITY_QUEUE_TABLE";
    public const string LeaseVariable = "OUTPOST_SERVERLESS_LEASE_SECONDS";
    public const string ApplyStateMachineVariable = "OUTPOST_SERVERLESS_APPLY_STATE_MACHINE_ARN";
    public const string TeardownStateMachineVariable = "OUTPOST_SERVERLESS_TEARDOWN_STATE_MACHINE_ARN";
    public const string AllowedManagedPolicyArnsVariable = "OUTPOST_SERVERLESS_ALLOWED_MANAGED_POLICY_ARNS";

    /// <summary>capacityWait.maxSeconds for requests that leave it out (stack parameter DefaultCapacityWaitSeconds).</summary>
    public int DefaultCapacityWaitSeconds { get; init; } = RequestDefaults.CapacityWaitMaxSeconds;

    /// <summary>The provisioning records' table and lock lease (the stack's ProvisioningsTable and the state machines' timeout).</summary>
    public ProvisioningRecordOptions Records { get; init; } = ProvisioningRecordOptions.Default;

    /// <summary>The capacity queue's table (the stack's CapacityQueueTable).</summary>
    public string CapacityQueueTable { get; init; } = CapacityQueue.DefaultTableName;

    /// <summary>The state machines the provisionings API starts (its function's own environment: the steps never start executions).</summary>
    public string? ApplyStateMachineArn { get; init; }

    public string? TeardownStateMachineArn { get; init; }

    /// <summary>The managed policies a request may ask for (stack parameter AllowedManagedPolicyArns, comma-separated); null when unset: any.</summary>
    public IReadOnlyList<string>? AllowedManagedPolicyArns { get; init; }

    /// <summary>The request validator these settings make: the stack's default capacity wait and its managed-policy allow-list.</summary>
    public RequestValidator Validator() => new(RequestSchema.Shared, DefaultCapacityWaitSeconds, AllowedManagedPolicyArns);

    /// <summary>The settings from the function's environment; an unset variable keeps its default.</summary>
    public static StepSettings From(Func<string, string?> variable)
    {
        var settings = new StepSettings();
        var text = variable(DefaultCapacityWaitVariable);
        if (!string.IsNullOrEmpty(text))
        {
            settings = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds <= RequestDefaults.CapacityWaitMaxSecondsLimit
                ? settings with { DefaultCapacityWaitSeconds = seconds }
                : throw new InvalidStepSettingException(DefaultCapacityWaitVariable,
                    $"{DefaultCapacityWaitVariable} is '{text}'; set it to whole seconds from 0 to {RequestDefaults.CapacityWaitMaxSecondsLimit} (the DefaultCapacityWaitSeconds parameter)");
        }

        if (variable(ProvisioningsTableVariable) is { Length: > 0 } table)
        {
            settings = settings with { Records = settings.Records with { TableName = table } };
        }

        if (variable(CapacityQueueTableVariable) is { Length: > 0 } queueTable)
        {
            settings = settings with { CapacityQueueTable = queueTable };
        }

        settings = settings with
        {
            ApplyStateMachineArn = variable(ApplyStateMachineVariable) is { Length: > 0 } apply ? apply : null,
            TeardownStateMachineArn = variable(TeardownStateMachineVariable) is { Length: > 0 } teardown ? teardown : null,
            AllowedManagedPolicyArns = variable(AllowedManagedPolicyArnsVariable) is { } allowed
                ? [.. allowed.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]
                : null,
        };
        var lease = variable(LeaseVariable);
        if (!string.IsNullOrEmpty(lease))
        {
            settings = int.TryParse(lease, NumberStyles.None, CultureInfo.InvariantCulture, out var leaseSeconds) && leaseSeconds > 0
                ? settings with { Records = settings.Records with { Lease = TimeSpan.FromSeconds(leaseSeconds) } }
                : throw new InvalidStepSettingException(LeaseVariable, $"{LeaseVariable} is '{lease}'; set it to the state machines' TimeoutSeconds, a positive whole number of seconds");
        }

        return settings;
    }
}
