using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using OutpostServerless.Aws.Client.Credentials;
using OutpostServerless.Aws.Client.Endpoints;
using OutpostServerless.Aws.Client.Http;
using OutpostServerless.Aws.Client.Retry;
using OutpostServerless.Aws.Protocols.Json;
using OutpostServerless.Emulator.Sam;
using OutpostServerless.Emulator.Wire;
using OutpostServerless.Local;
using OutpostServerless.Local.Workflow;
using OutpostServerless.StateMachine;

namespace OutpostServerless.Cli.Bench;

/// <summary>
/// Requests per second of Step Functions' DescribeExecution on <c>emulator serve</c>'s composition: one finished
/// provisioning execution, described over and over by concurrent clients, each a loop of signed awsJson1_0 requests
/// through our HTTP pipeline (SigV4 signing, the server's verification, JSON both ways) on loopback.
/// </summary>
public sealed class DescribeExecutionBench(SamTemplate template, int clients, TimeSpan duration)
{
    /// <param name="progress">Told each whole second of measuring that has passed (1, 2, … up to the duration), once.</param>
    public async Task<DescribeExecutionBenchResult> RunAsync(Action<int>? progress, CancellationToken cancellationToken)
    {
        var (cloud, clock) = LocalWorkflow.NewWorld();
        await using var services = new ProductServices(template, cloud, clock);
        await using var server = await EmulatorServer.StartAsync(cloud, EmulatorServerOptions.Default, services.FrontEnds, cancellationToken);
        var machine = template.StateMachines[LocalWorkflow.ProvisionStateMachine].Arn;
        var request = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(template.Directory, "statemachine", "examples", "web-service.json"), cancellationToken));
        var started = services.StepFunctions.StartExecution(machine, "bench", request);
        await services.StepFunctions.WhenStoppedAsync(started.ExecutionArn, cancellationToken);

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients }) { Timeout = Timeout.InfiniteTimeSpan };
        var pipeline = new AwsHttpPipeline(
            http, SdkCredentialsProvider.Static(EmulatorServerOptions.Default.AccessKeyId, EmulatorServerOptions.Default.SecretAccessKey),
            new StandardRetryPolicy(RetryOptions.Standard with { MaxAttempts = 1 }, new Random(1)), TimeProvider.System, TimeSpan.FromSeconds(30));
        var endpoint = new EndpointResolver(new ProcessEnvironment()).Resolve(AwsService.StepFunctions, cloud.Options.Region, server.BaseUrl);
        var protocol = new AwsJsonProtocol(pipeline, AwsService.StepFunctions, endpoint, "AWSStepFunctions", "1.0");
        var describe = new DescribeExecutionInput(started.ExecutionArn);

        // Warm up the connections and the JIT, untimed.
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => DescribeAsync(protocol, describe, cancellationToken)));
        var latencies = new List<double>[clients];
        var secondsReported = 0;
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async client =>
        {
            var mine = latencies[client] = [];
            while (wall.Elapsed < duration)
            {
                var call = Stopwatch.StartNew();
                await DescribeAsync(protocol, describe, cancellationToken);
                mine.Add(call.Elapsed.TotalMilliseconds);

                // The first client to see a new second reports it; the others see it taken.
                var second = Math.Min((int)wall.Elapsed.TotalSeconds, (int)duration.TotalSeconds);
                var seen = Volatile.Read(ref secondsReported);
                if (second > seen && Interlocked.CompareExchange(ref secondsReported, second, seen) == seen)
                {
                    progress?.Invoke(second);
                }
            }
        }));
        wall.Stop();
        var all = latencies.SelectMany(l => l).Order().ToList();
        return new DescribeExecutionBenchResult(clients, all.Count, wall.Elapsed.TotalSeconds, all.Count / wall.Elapsed.TotalSeconds, all[all.Count / 2], all[(int)(all.Count * 0.99)]);
    }

    private static async Task DescribeAsync(AwsJsonProtocol protocol, DescribeExecutionInput input, CancellationToken cancellationToken)
    {
        var described = await protocol.InvokeAsync("DescribeExecution", input, DescribeExecutionBenchJson.Default.DescribeExecutionInput, DescribeExecutionBenchJson.Default.JsonObject, cancellationToken);
        if (described["status"]?.GetValue<string>() != ExecutionStatus.Succeeded)
        {
            throw new InvalidOperationException($"DescribeExecution answered {described.ToJsonString()}");
        }
    }
}

/// <summary>DescribeExecution's input as the wire has it.</summary>
public sealed record DescribeExecutionInput([property: JsonPropertyName("executionArn")] string ExecutionArn);

/// <summary>What <c>bench describe-execution</c> measured.</summary>
public sealed record DescribeExecutionBenchResult(int Clients, int Requests, double Seconds, double RequestsPerSecond, double MedianMilliseconds, double P99Milliseconds);

[JsonSerializable(typeof(DescribeExecutionInput))]
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class DescribeExecutionBenchJson : JsonSerializerContext;
