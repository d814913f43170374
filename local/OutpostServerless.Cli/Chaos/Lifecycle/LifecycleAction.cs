namespace OutpostServerless.Cli.Chaos.Lifecycle;

/// <summary>What one step of a lifecycle sequence does to a provisioning.</summary>
public enum LifecycleAction
{
    /// <summary>The first apply of a provisioning (or the first after a teardown).</summary>
    Create,
    /// <summary>An apply with a changed request: instanceCount, desiredCount or the image.</summary>
    Update,
    /// <summary>An apply of the request that last worked, unchanged.</summary>
    Rerun,
    Teardown,
}
