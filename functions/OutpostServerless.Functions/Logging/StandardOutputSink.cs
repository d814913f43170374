using System.Text;

namespace OutpostServerless.Functions.Logging;

/// <summary>
/// The process's raw stdout, one flushed line per write. Raw rather than <see cref="Console.Out"/> so that
/// every line stays the bare JSON object CloudWatch's Embedded Metric Format extractor looks for.
/// </summary>
public sealed class StandardOutputSink : ILogSink, IDisposable
{
    private readonly Lock _gate = new();
    private readonly Stream _stdout = Console.OpenStandardOutput();

    public void WriteLine(string line)
    {
        var bytes = Encoding.UTF8.GetBytes(line + "\n");
        lock (_gate)
        {
            _stdout.Write(bytes);
            _stdout.Flush();
        }
    }

    public void Dispose() => _stdout.Dispose();
}
