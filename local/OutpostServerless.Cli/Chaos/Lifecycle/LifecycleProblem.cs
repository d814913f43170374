using System.Text.Json.Serialization;

namespace OutpostServerless.Cli.Chaos.Lifecycle;

/// <summary>What a lifecycle check found wrong.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LifecycleProblemKind>))]
public enum LifecycleProblemKind
{
    /// <summary>More of a resource than the request asks for, or two of a singleton at once.</summary>
    Duplicate,
    /// <summary>Left behind: by a failed creation, a failed update, a teardown, or made without the provisioning tag.</summary>
    Leak,
    /// <summary>A resource of the provisioning's previously working state deleted by a failed execution.</summary>
    WorkingStateDestroyed,
    /// <summary>An execution of one provisioning changed another's resources.</summary>
    OtherProvisioningTouched,
    /// <summary>A SUCCEEDED apply without all of its request's resources.</summary>
    Incomplete,
}

/// <summary>One finding: where in which sequence, after which execution, what and how many.</summary>
public sealed record LifecycleProblem(
    int Sequence, int Step, string ProvisioningId, LifecycleAction Action, string? Change, string Status, string? Error,
    LifecycleProblemKind Kind, int Count, string What);
