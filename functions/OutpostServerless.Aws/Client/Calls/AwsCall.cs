using System.Net;

namespace OutpostServerless.Aws.Client.Calls;

/// <summary>
/// One request an AWS endpoint answered, success or error: what the service itself counts as a call.
/// A retried operation is one call per answered attempt; an attempt that got no answer (connection
/// refused, timeout) is not a call.
/// </summary>
/// <param name="Operation">The IAM action form, <c>service:Operation</c> (e.g. <c>ec2:RunInstances</c>, <c>cloudwatch:GetMetricData</c>).</param>
/// <param name="Status">The HTTP status of the answer.</param>
/// <param name="ErrorCode">The AWS error code of an error answer; null on success.</param>
public sealed record AwsCall(string Operation, HttpStatusCode Status, string? ErrorCode)
{
    public bool Succeeded => ErrorCode is null;
}
