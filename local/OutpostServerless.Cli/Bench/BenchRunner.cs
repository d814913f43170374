using System.Diagnostics;
using System.Runtime;
using OutpostServerless.StateMachine;

namespace OutpostServerless.Cli.Bench;

/// <summary>
/// Runs many executions of one definition in process, on virtual clocks, and measures wall time,
/// state transitions and allocated bytes. Each partition starts all its executions at the same virtual
/// instant (under a clock hold), so they really run concurrently, taking turns as strands do.
/// </summary>
public static class BenchRunner
{
    private const string StateMachineArn = "arn:aws:states:us-east-1:123456789012:stateMachine:Bench";

    /// <param name="progress">Called as executions finish, warm-up first, with the number finished so far (of Warmup + Executions).</param>
    public static async Task<BenchResult> RunAsync(BenchSettings settings, Action<int>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Executions, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Partitions, 1);
        var finished = new FinishedCount(progress);
        if (settings.Warmup > 0)
        {
            await RunPartitionsAsync(settings, settings.Warmup, finished, cancellationToken);
        }

        // Throughput over pause times: no background GC while measuring.
        var latency = GCSettings.LatencyMode;
        GCSettings.LatencyMode = GCLatencyMode.Batch;
        try
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            var runs = await RunPartitionsAsync(settings, settings.Executions, finished, cancellationToken);
            wall.Stop();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

            return new BenchResult(
                runs.Length,
                runs.Count(r => r.Succeeded),
                runs.Sum(r => (long)r.StateTransitions),
                wall.Elapsed,
                allocated,
                settings.Partitions)
            {
                CpuTime = cpu,
            };
        }
        finally
        {
            GCSettings.LatencyMode = latency;
        }
    }

    private static async Task<RunFigures[]> RunPartitionsAsync(BenchSettings settings, int executions, FinishedCount finished, CancellationToken cancellationToken)
    {
        var partitions = Math.Min(settings.Partitions, executions);
        var runs = Enumerable.Range(0, partitions).Select(p =>
        {
            var share = (executions / partitions) + (p < executions % partitions ? 1 : 0);
            return Task.Run(() => RunPartitionAsync(settings, p, share, finished, cancellationToken), cancellationToken);
        });
        return (await Task.WhenAll(runs)).SelectMany(r => r).ToArray();
    }

    private static async Task<RunFigures[]> RunPartitionAsync(BenchSettings settings, int partition, int executions, FinishedCount finished, CancellationToken cancellationToken)
    {
        var clock = new VirtualClock(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var runner = new StateMachineRunner(settings.Definition, settings.Invoker, clock);
        var started = new Task<RunFigures>[executions];
        using (clock.Hold())
        {
            for (var i = 0; i < executions; i++)
            {
                var options = new ExecutionOptions
                {
                    ExecutionName = $"bench-{partition}-{i}",
                    StateMachineArn = StateMachineArn,
                    Jitter = new Random((partition * 1_000_003) + i),
                };
                started[i] = FiguresOfAsync(runner.RunAsync(settings.Input, options, cancellationToken), finished);
            }
        }

        return await Task.WhenAll(started);
    }

    // Keep only the figures, so finished executions' histories are garbage at once, as in a service.
    private static async Task<RunFigures> FiguresOfAsync(Task<ExecutionResult> execution, FinishedCount finished)
    {
        var result = await execution.ConfigureAwait(false);
        finished.Add();
        return new RunFigures(result.Status == ExecutionStatus.Succeeded, result.StateTransitions);
    }

    private readonly record struct RunFigures(bool Succeeded, int StateTransitions);

    /// <summary>Executions finished across partitions; without a progress sink it counts nothing, so a plain bench pays nothing for it.</summary>
    private sealed class FinishedCount(Action<int>? progress)
    {
        private int finished;

        public void Add()
        {
            if (progress is not null)
            {
                progress(Interlocked.Increment(ref finished));
            }
        }
    }
}
