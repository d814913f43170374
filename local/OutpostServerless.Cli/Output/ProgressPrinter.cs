using OutpostServerless.StateMachine;
using Spectre.Console;

namespace OutpostServerless.Cli.Output;

/// <summary>
/// One live line per state entered, succeeded, failed or retried, stamped with virtual time since the
/// execution started, so a capacity wait of an hour reads as an hour even though it took milliseconds.
/// </summary>
public sealed class ProgressPrinter(IAnsiConsole console)
{
    private DateTimeOffset? started;
    private readonly HashSet<string> failedOnce = new(StringComparer.Ordinal);
    private string? lastTaskState;

    public void OnEvent(HistoryEvent historyEvent)
    {
        started ??= historyEvent.Timestamp;
        var line = Describe(historyEvent);
        if (line is not null)
        {
            console.MarkupLine($"[grey]{Elapsed(historyEvent.Timestamp - started.Value)}[/]  {line}");
        }
    }

    private string? Describe(HistoryEvent e)
    {
        var state = e.StateName is { } name ? Markup.Escape(name) : null;
        switch (e.Type)
        {
            case "ExecutionStarted":
                return "[bold]execution started[/]";
            case "TaskStateEntered":
                lastTaskState = e.StateName;
                failedOnce.Remove(e.StateName ?? ""); // a failure caught earlier made no retry of this visit
                return $"[blue]→[/] {state}";
            case "LambdaFunctionScheduled" or "TaskScheduled" when lastTaskState is { } task && failedOnce.Remove(task):
                return $"[yellow]↻[/] {Markup.Escape(task)} retried";
            case "LambdaFunctionFailed" or "LambdaFunctionTimedOut" or "TaskFailed" or "TaskTimedOut":
                if (lastTaskState is { } failing)
                {
                    failedOnce.Add(failing);
                }

                return $"[red]✗[/] {Markup.Escape(lastTaskState ?? "task")} failed: {Markup.Escape(e.Error ?? "error")}";
            case "WaitStateEntered" or "ChoiceStateEntered" or "ParallelStateEntered" or "PassStateEntered" or "FailStateEntered" or "SucceedStateEntered":
                return $"[blue]→[/] {state}";
            case var exited when exited.EndsWith("StateExited", StringComparison.Ordinal):
                return $"[green]✓[/] {state}";
            case "ExecutionSucceeded":
                return "[bold green]execution succeeded[/]";
            case "ExecutionFailed" or "ExecutionTimedOut" or "ExecutionAborted":
                return $"[bold red]execution {e.Type["Execution".Length..].ToLowerInvariant()}: {Markup.Escape(e.Error ?? "")}[/]";
            default:
                return null;
        }
    }

    private static string Elapsed(TimeSpan elapsed) => $"+{(int)elapsed.TotalHours:00}:{elapsed.Minutes:00}:{elapsed.Seconds:00}";
}
