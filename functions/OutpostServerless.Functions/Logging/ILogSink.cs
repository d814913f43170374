namespace OutpostServerless.Functions.Logging;

/// <summary>Where log and metric lines go: stdout on Lambda (CloudWatch Logs reads it), a list in tests.</summary>
public interface ILogSink
{
    /// <summary>Writes one complete line (one JSON object); safe to call from several threads.</summary>
    void WriteLine(string line);
}
