using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using OutpostServerless.Aws.Errors;
using OutpostServerless.Emulator.Sam;
using OutpostServerless.Functions.Errors;
using OutpostServerless.Local.Workflow;

namespace OutpostServerless.Local.Lambda;

/// <summary>
/// Lambda Invoke for the template's functions, run in this process by <see cref="InProcessLambdaInvoker"/> against
/// the same world as the executions. A function is named as Lambda accepts it: its name, its ARN or partial ARN,
/// with or without a version or alias. Event invocations run in the background and are awaited on disposal.
/// </summary>
internal sealed class LocalLambda(SamTemplate template, InProcessLambdaInvoker functions) : IAsyncDisposable
{
    private const string Latest = "$LATEST";

    private readonly ConcurrentDictionary<Task, byte> queued = new();

    /// <summary>The function <paramref name="functionName"/> names; ResourceNotFoundException (404) as Lambda answers when there is none.</summary>
    public (SamFunction Function, string Version) Resolve(string functionName, string? qualifier)
    {
        var parts = functionName.Split(':');
        var (name, nameQualifier) = parts switch
        {
            [var plain] => (plain, null),
            [var plain, var alias] => (plain, alias),
            ["arn", _, "lambda", _, _, "function", var arnName] => (arnName, null),
            ["arn", _, "lambda", _, _, "function", var arnName, var arnQualifier] => (arnName, arnQualifier),
            [_, "function", var partialName] => (partialName, null),
            [_, "function", var partialName, var partialQualifier] => (partialName, partialQualifier),
            _ => (functionName, null),
        };
        var version = qualifier ?? nameQualifier;
        var arn = template.Environment.FunctionArn(name);
        return template.TryFunctionByArn(arn, out var function)
            ? (function, version is { Length: > 0 } v && v.All(char.IsAsciiDigit) ? v : Latest)
            : throw new AwsServiceError("lambda", "ResourceNotFoundException",
                $"Function not found: {arn}{(version is null ? string.Empty : ":" + version)}", HttpStatusCode.NotFound);
    }

    public async Task<LambdaInvocation> InvokeAsync(string functionName, string? qualifier, InvocationType type, bool tail, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        var (function, version) = Resolve(functionName, qualifier);
        var text = payload.IsEmpty ? "{}" : System.Text.Encoding.UTF8.GetString(payload.Span);
        try
        {
            using var parsed = JsonDocument.Parse(text);
        }
        catch (JsonException invalid)
        {
            throw new AwsServiceError("lambda", "InvalidRequestContentException", $"Could not parse request body into json: {invalid.Message}");
        }

        switch (type)
        {
            case InvocationType.DryRun:
                return new LambdaInvocation(204, string.Empty, null, null, version);
            case InvocationType.Event:
                var background = Task.Run(() => functions.InvokeFunctionAsync(function, text, logs: null, CancellationToken.None), CancellationToken.None);
                queued[background] = 0;
                _ = background.ContinueWith(done => queued.TryRemove(done, out _), TaskScheduler.Default);
                return new LambdaInvocation(202, string.Empty, null, null, version);
        }

        var requestId = Guid.NewGuid().ToString();
        var log = tail ? new LogTail(requestId, version) : null;
        var wall = Stopwatch.StartNew();
        var result = await functions.InvokeFunctionAsync(function, text, log, cancellationToken);
        var logResult = log?.Base64(wall.Elapsed, function.MemorySize);
        return result.Error is { } error
            ? new LambdaInvocation(200, ErrorPayload(error), "Unhandled", logResult, version)
            : new LambdaInvocation(200, result.Payload!, null, logResult, version);
    }

    public async ValueTask DisposeAsync() => await Task.WhenAll(queued.Keys);

    /// <summary>The error object Lambda returns for a function error: <c>{"errorType", "errorMessage", "stackTrace"}</c>.</summary>
    private static string ErrorPayload(FunctionError error)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("errorType", error.ErrorType);
            json.WriteString("errorMessage", error.ErrorMessage);
            json.WriteStartArray("stackTrace");
            foreach (var frame in error.StackTrace)
            {
                json.WriteStringValue(frame);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
