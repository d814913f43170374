using OutpostServerless.Aws.CloudWatch;
using OutpostServerless.Emulator.World;

namespace OutpostServerless.Emulator.CloudWatch;

/// <summary>The in-process <see cref="ICloudWatch"/>: every call counted, answered from the metric history.</summary>
internal sealed class CloudWatchPort(EmulatedRegion region, string? caller) : ICloudWatch
{
    public Task<GetMetricDataResponse> GetMetricDataAsync(GetMetricDataRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "cloudwatch:GetMetricData", () => region.CloudWatch.GetMetricData(request), cancellationToken);
}
