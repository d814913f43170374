namespace OutpostServerless.Provisioning.Request;

/// <summary>The defaults of the optional request members (the same values as the schema's <c>default</c>s).</summary>
public static class RequestDefaults
{
    public const string OnFailure = "rollback";
    public const string ImagePullBehavior = "prefer-cached";
    public const int DesiredCount = 1;
    /// <summary>The default of capacityWait.maxSeconds unless the stack sets DefaultCapacityWaitSeconds.</summary>
    public const int CapacityWaitMaxSeconds = 3600;
    /// <summary>The schema's maximum of capacityWait.maxSeconds (a day).</summary>
    public const int CapacityWaitMaxSecondsLimit = 86_400;
    public const int CapacityWaitPollSeconds = 60;
    public const string Compatibility = "EC2";
}
