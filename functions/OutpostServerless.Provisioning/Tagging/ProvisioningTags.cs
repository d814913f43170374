namespace OutpostServerless.Provisioning.Tagging;

/// <summary>The tags every created resource carries, so any attempt (or Rollback) can find it again.</summary>
public static class ProvisioningTags
{
    public const string ProvisioningIdKey = "outpost-serverless:provisioning-id";
    public const string StepKey = "outpost-serverless:step";
}
