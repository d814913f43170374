using System.Net;

namespace OutpostServerless.Functions.RuntimeApi;

/// <summary>
/// The Runtime API answered a call with something other than success, or a response the runtime cannot use.
/// A 500 means "container error": the runtime should exit promptly (<see cref="MustExit"/>).
/// </summary>
public sealed class RuntimeApiException(string path, HttpStatusCode? statusCode, string detail)
    : Exception($"Runtime API {path}: {(statusCode is { } code ? $"{(int)code} {code}: " : "")}{detail}")
{
    public string Path { get; } = path;

    public HttpStatusCode? StatusCode { get; } = statusCode;

    public bool MustExit => StatusCode is null or >= HttpStatusCode.InternalServerError;
}
