namespace OutpostServerless.Emulator.Lambda;

/// <summary>A line a function's process wrote, as its log stream would hold it.</summary>
public sealed record LambdaLogLine(string FunctionName, int ProcessId, string Text, bool IsStandardError);
