namespace OutpostServerless.Functions.Logging;

/// <summary>
/// One invocation's figures for CloudWatch. <see cref="Retries"/> is present only when the event carried the
/// Step Functions retry count (<c>$$.State.RetryCount</c> passed as <c>retryCount</c>); Lambda itself does not
/// tell a function which attempt it is. <see cref="CapacityWaitSeconds"/> is present when the step reports
/// how long the capacity gate has waited.
/// </summary>
public sealed record StepMetrics(
    string FunctionName,
    string Step,
    string RequestId,
    string? ProvisioningId,
    double DurationMilliseconds,
    bool ColdStart,
    string? ErrorType,
    int? Retries,
    double? CapacityWaitSeconds);
