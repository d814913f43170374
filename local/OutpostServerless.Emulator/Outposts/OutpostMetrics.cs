namespace OutpostServerless.Emulator.Outposts;

/// <summary>The <c>AWS/Outposts</c> metric names the world publishes.</summary>
internal static class OutpostMetrics
{
    public const string Namespace = "AWS/Outposts";
    public const string AvailableInstanceTypeCount = "AvailableInstanceType_Count";
    public const string ConnectedStatus = "ConnectedStatus";
}
