namespace OutpostServerless.Emulator.Wire;

/// <summary>How the wire server listens and which credentials it accepts.</summary>
public sealed record EmulatorServerOptions
{
    /// <summary>The TCP port on 127.0.0.1; 0 picks a free one (see <see cref="EmulatorServer.Port"/>).</summary>
    public int Port { get; init; }

    public string AccessKeyId { get; init; } = "test";

    public string SecretAccessKey { get; init; } = "test";

    /// <summary>
    /// The clock signature ages are judged by: real time by default, since clients sign with the
    /// wall clock, whatever the world's (possibly virtual) clock says.
    /// </summary>
    public TimeProvider SignatureClock { get; init; } = TimeProvider.System;

    public static EmulatorServerOptions Default { get; } = new();
}
