using System.Globalization;
using System.Text;
using OutpostServerless.Functions.Logging;

namespace OutpostServerless.Local.Lambda;

/// <summary>
/// One invocation's log as Lambda writes it to CloudWatch Logs — <c>START</c>, the function's lines, <c>END</c>,
/// <c>REPORT</c> — and the <c>X-Amz-Log-Result</c> of <c>LogType=Tail</c>: "the last 4 KB of the execution log,
/// base64-encoded" (Lambda API reference, Invoke).
/// </summary>
internal sealed class LogTail(string requestId, string version) : ILogSink
{
    private const int TailBytes = 4096;

    private readonly Lock sync = new();
    private readonly StringBuilder lines = new StringBuilder().Append(CultureInfo.InvariantCulture, $"START RequestId: {requestId} Version: {version}\n");

    public void WriteLine(string line)
    {
        lock (sync)
        {
            lines.Append(line).Append('\n');
        }
    }

    public string Base64(TimeSpan duration, int memorySizeMb)
    {
        string log;
        lock (sync)
        {
            var billed = Math.Max(1, (int)Math.Ceiling(duration.TotalMilliseconds));
            log = lines.ToString()
                + $"END RequestId: {requestId}\n"
                + string.Create(CultureInfo.InvariantCulture, $"REPORT RequestId: {requestId}\tDuration: {duration.TotalMilliseconds:0.00} ms\tBilled Duration: {billed} ms\tMemory Size: {memorySizeMb} MB\t\n");
        }

        var bytes = Encoding.UTF8.GetBytes(log);
        return Convert.ToBase64String(bytes.Length <= TailBytes ? bytes : bytes[^TailBytes..]);
    }
}
