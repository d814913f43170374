namespace OutpostServerless.Emulator.Calls;

/// <summary>The calls recorded since the last <see cref="ApiCallLog.Reset"/>; the sequence never resets.</summary>
internal sealed class CallLogState
{
    public long Sequence { get; set; }
    public List<ApiCall> Calls { get; set; } = [];
}
