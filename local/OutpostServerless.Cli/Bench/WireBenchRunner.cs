using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.EC2.Model;
using Amazon.Runtime;
using OutpostServerless.Aws;
using OutpostServerless.Aws.Ecs;
using OutpostServerless.Emulator;
using OutpostServerless.Emulator.Wire;

namespace OutpostServerless.Cli.Bench;

/// <summary>
/// Times the same read calls (<c>ecs:DescribeClusters</c>, <c>ec2:DescribeVpcs</c>) against one emulated
/// world three ways: its in-process ports (the world's own cost), our clients over HTTP to the emulator's
/// wire server on loopback (that cost plus signing, HTTP, protocol encoding and SigV4 verification), and
/// a whole AWS CLI process per call, as a script would pay it. Calls run one at a time.
/// </summary>
public sealed class WireBenchRunner(WireBenchSettings settings)
{
    public const string DescribeClusters = "ecs:DescribeClusters";
    public const string DescribeVpcs = "ec2:DescribeVpcs";
    private const string ClusterName = "bench";

    /// <summary>Every call the run makes, warm-up ones included: what its progress counts up to.</summary>
    public int TotalCalls
    {
        get
        {
            var clis = settings.CliCalls == 0 ? 0 : new[] { settings.AwsCliV1, settings.AwsCliV2 }.Count(executable => executable is not null);
            return (4 * (WarmupFor(settings.Calls) + settings.Calls)) + (clis * 2 * (WarmupFor(settings.CliCalls) + settings.CliCalls));
        }
    }

    /// <param name="progress">Told how many of <see cref="TotalCalls"/> are done, after each call.</param>
    public async Task<WireBenchResult> RunAsync(Action<int>? progress, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Calls, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(settings.CliCalls);
        ArgumentOutOfRangeException.ThrowIfNegative(settings.Warmup);

        var cloud = new EmulatedCloud(TimeProvider.System);
        await cloud.Ports.Ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = ClusterName }, cancellationToken);
        await cloud.Ports.Ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16" }, cancellationToken);
        await using var server = await EmulatorServer.StartAsync(cloud, EmulatorServerOptions.Default, cancellationToken);
        using var clients = AwsPortsFactory.Create(new AwsClientOptions
        {
            EndpointUrl = server.BaseUrl,
            Region = cloud.Options.Region,
            Credentials = new BasicAWSCredentials(EmulatorServerOptions.Default.AccessKeyId, EmulatorServerOptions.Default.SecretAccessKey),
        });

        var done = 0;
        void Tick() => progress?.Invoke(++done);
        var latencies = new List<WireBenchLatency>();
        foreach (var (name, ports) in new[] { (WireBenchResult.InProcess, cloud.Ports), (WireBenchResult.OurClients, clients.Ports) })
        {
            latencies.Add(await TimeAsync(DescribeClusters, name, settings.Calls, async () => Check(DescribeClusters, name, await DescribeClustersAsync(ports, cancellationToken)), Tick, cancellationToken));
            latencies.Add(await TimeAsync(DescribeVpcs, name, settings.Calls, async () => Check(DescribeVpcs, name, await DescribeVpcsAsync(ports, cancellationToken)), Tick, cancellationToken));
        }

        var notMeasured = new List<string>();
        foreach (var (name, executable) in new[] { ("aws CLI v1 (a process per call)", settings.AwsCliV1), ("aws CLI v2 (a process per call)", settings.AwsCliV2) })
        {
            if (settings.CliCalls == 0)
            {
                continue;
            }

            if (executable is null)
            {
                notMeasured.Add($"{name}: not found");
                continue;
            }

            var cli = new AwsCliProcess(executable, server.BaseUrl, cloud.Options.Region);
            latencies.Add(await TimeAsync(DescribeClusters, name, settings.CliCalls, () => CliCallAsync(cli, DescribeClusters, name, ["ecs", "describe-clusters", "--clusters", ClusterName], "clusters", cancellationToken), Tick, cancellationToken));
            latencies.Add(await TimeAsync(DescribeVpcs, name, settings.CliCalls, () => CliCallAsync(cli, DescribeVpcs, name, ["ec2", "describe-vpcs"], "Vpcs", cancellationToken), Tick, cancellationToken));
        }

        return new WireBenchResult(server.BaseUrl, latencies, notMeasured);
    }

    // Fewer warm-up processes for the CLIs: one start is enough to have the files in the page cache.
    private int WarmupFor(int calls) => Math.Min(settings.Warmup, Math.Max(calls / 10, 1));

    private async Task<WireBenchLatency> TimeAsync(string operation, string client, int calls, Func<Task> call, Action tick, CancellationToken cancellationToken)
    {
        for (var i = 0; i < WarmupFor(calls); i++)
        {
            await call();
            tick();
        }

        var milliseconds = new double[calls];
        for (var i = 0; i < calls; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var started = Stopwatch.GetTimestamp();
            await call();
            milliseconds[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            tick();
        }

        return WireBenchLatency.Of(operation, client, milliseconds);
    }

    private static async Task<int> DescribeClustersAsync(AwsPorts ports, CancellationToken cancellationToken) =>
        (await ports.Ecs.DescribeClustersAsync(new DescribeClustersRequest { Clusters = [ClusterName] }, cancellationToken)).Clusters.Count;

    private static async Task<int> DescribeVpcsAsync(AwsPorts ports, CancellationToken cancellationToken) =>
        (await ports.Ec2.DescribeVpcsAsync(new DescribeVpcsRequest(), cancellationToken)).Vpcs.Count;

    // Every timed call must have answered with what exists (one cluster, the default VPC at least).
    private static void Check(string operation, string client, int found)
    {
        if (found < 1)
        {
            throw new WireBenchCallFailedException(operation, client, "the answer was empty");
        }
    }

    private static async Task CliCallAsync(AwsCliProcess cli, string operation, string client, string[] args, string member, CancellationToken cancellationToken)
    {
        var (exitCode, output, error) = await cli.RunAsync(args, cancellationToken);
        if (exitCode != 0)
        {
            throw new WireBenchCallFailedException(operation, client, $"exit code {exitCode}: {error.Trim()}");
        }

        try
        {
            if (JsonNode.Parse(output)?[member] is not JsonArray { Count: > 0 })
            {
                throw new WireBenchCallFailedException(operation, client, $"no {member} in its output: {output.Trim()}");
            }
        }
        catch (JsonException notJson)
        {
            throw new WireBenchCallFailedException(operation, client, $"its output is not JSON ({notJson.Message}): {output.Trim()}");
        }
    }
}
