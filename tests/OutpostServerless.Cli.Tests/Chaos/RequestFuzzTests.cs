using System.Text.Json.Nodes;
using CsCheck;
using Microsoft.Extensions.Logging.Abstractions;
using OutpostServerless.Emulator;
using OutpostServerless.Functions.Handlers;
using OutpostServerless.Provisioning.Errors;

namespace OutpostServerless.Cli.Tests.Chaos;

/// <summary>
/// Property-based: whatever is wrong with a request, the workflow's first function refuses it with
/// Provisioning.InvalidRequest naming the field, never with an unhandled exception, and nothing
/// calls AWS.
/// </summary>
public sealed class RequestFuzzTests
{
    [Fact]
    public void Ten_thousand_malformed_requests_are_each_refused_naming_the_field_with_no_call_to_AWS()
    {
        var cloud = new EmulatedCloud(TimeProvider.System);
        var host = new FunctionHost(StepHandlers.Create(cloud.Ports, TimeProvider.System, NullLoggerFactory.Instance), NullLogger<FunctionHost>.Instance);

        MalformedRequests.All.Sample(malformed =>
        {
            var payload = new JsonObject { ["request"] = malformed.Request?.DeepClone(), ["executionName"] = "fuzz" }.ToJsonString();

            // The handler completes synchronously: it makes no I/O of its own.
            var result = host.InvokeAsync("ValidateRequest", payload, CancellationToken.None).GetAwaiter().GetResult();

            Assert.True(result.Error is not null, $"accepted: {malformed}");
            Assert.Equal(InvalidRequestException.Name, result.Error.ErrorType);
            var fields = FieldsIn(result.Error.ErrorMessage);
            Assert.True(fields.Any(f => Related(f, malformed.Field)), $"{malformed}\nnamed only: {string.Join(", ", fields)}");
        }, iter: 10_000);

        Assert.Equal(0, cloud.Calls.Total);
    }

    [Fact]
    public async Task Malformed_requests_fail_the_whole_workflow_at_ValidateRequest_with_no_call_to_AWS()
    {
        await MalformedRequests.All.SampleAsync(async malformed =>
        {
            var world = new ChaosWorld();

            var execution = await world.RunAsync(malformed.Request ?? new JsonObject(), "fuzz");

            Assert.Equal("FAILED", execution.Status);
            Assert.Equal(InvalidRequestException.Name, execution.Error);
            Assert.Equal(0, world.Cloud.Calls.Total);
        }, iter: 150, threads: 1);
    }

    /// <summary>The fields of the "field: reason. Fix: fix" lines that follow the message's first line.</summary>
    private static List<string> FieldsIn(string message) =>
        [.. message.Split('\n').Skip(1).Where(line => line.Contains(": ", StringComparison.Ordinal)).Select(line => line[..line.IndexOf(": ", StringComparison.Ordinal)])];

    /// <summary>The same field, a member or item inside it, or the object it sits in.</summary>
    private static bool Related(string reported, string broken) =>
        reported == broken
        || reported.StartsWith(broken + ".", StringComparison.Ordinal) || reported.StartsWith(broken + "[", StringComparison.Ordinal)
        || (broken != "$" && reported != "$" && (broken.StartsWith(reported + ".", StringComparison.Ordinal) || broken.StartsWith(reported + "[", StringComparison.Ordinal)));
}
