namespace OutpostServerless.Aws.Client.Http;

/// <summary>An error answer as a protocol reads it: the code AWS sends, its message and the request id.</summary>
public sealed record AwsError(string Code, string Message, string? RequestId);
