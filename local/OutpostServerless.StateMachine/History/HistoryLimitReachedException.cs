namespace OutpostServerless.StateMachine.History;

/// <summary>
/// An event was about to be written past the last place an execution's history has: the execution stops where it
/// is, and <see cref="StateMachineRunner"/> closes it as failed. No state catches it, as no Catcher on AWS does.
/// </summary>
internal sealed class HistoryLimitReachedException()
    : Exception($"The execution reached the maximum number of events in its history ({ExecutionHistory.MaxEvents:N0}), the Step Functions quota.");
