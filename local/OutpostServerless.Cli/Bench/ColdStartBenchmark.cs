using OutpostServerless.Emulator.Lambda;
using OutpostServerless.Provisioning.Steps;

namespace OutpostServerless.Cli.Bench;

/// <summary>
/// Starts a bootstrap again and again on the emulator's Runtime API, each time a fresh process answering one
/// event, and measures process start to its first response (Lambda's init plus first invoke) and peak RSS.
/// </summary>
public static class ColdStartBenchmark
{
    public const string Handler = nameof(ValidateRequest);

    /// <param name="payload">The event: ValidateRequest's input, so no AWS call is made and the figure is the runtime's own.</param>
    /// <param name="warmup">Starts run first and not kept (they fill the page cache).</param>
    /// <param name="progress">Told how many starts (warm-up ones included) are done, after each.</param>
    public static async Task<IReadOnlyList<ColdStartSample>> MeasureAsync(
        string bootstrap, int starts, int warmup, string payload, Action<int>? progress, CancellationToken cancellationToken)
    {
        var command = BootstrapCommand.For(bootstrap);
        var samples = new List<ColdStartSample>(starts);
        for (var start = 0; start < warmup + starts; start++)
        {
            var sample = await StartOnceAsync(command, payload, cancellationToken);
            if (start >= warmup)
            {
                samples.Add(sample);
            }

            progress?.Invoke(start + 1);
        }

        return samples;
    }

    private static async Task<ColdStartSample> StartOnceAsync(BootstrapCommand command, string payload, CancellationToken cancellationToken)
    {
        await using var lambda = new LambdaService(new LambdaServiceOptions
        {
            // ValidateRequest calls no AWS, so no AWS client is ever built (they are built on first use, as deployed).
            EndpointUrl = new Uri("http://127.0.0.1:9"),
        });
        lambda.AddFunction(new LambdaFunctionConfiguration("ColdStartBenchmark", Handler, command, TimeSpan.FromSeconds(30), MemorySize: 512));
        var result = await lambda.InvokeAsync("ColdStartBenchmark", payload, cancellationToken);
        if (result.Error is { } error)
        {
            throw new ColdStartFailedException(command.FileName, error.ErrorType, error.ErrorMessage);
        }

        return new ColdStartSample(result.Elapsed, result.MaxMemoryUsedBytes);
    }
}
