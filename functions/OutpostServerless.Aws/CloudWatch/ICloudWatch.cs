namespace OutpostServerless.Aws.CloudWatch;

/// <summary>
/// The CloudWatch operation the capacity check uses (signing name <c>monitoring</c>): the
/// <c>AWS/Outposts</c> metrics <c>AvailableInstanceType_Count</c> and <c>ConnectedStatus</c>.
/// </summary>
public interface ICloudWatch
{
    Task<GetMetricDataResponse> GetMetricDataAsync(GetMetricDataRequest request, CancellationToken cancellationToken = default);
}
