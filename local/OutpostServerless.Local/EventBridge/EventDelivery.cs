using System.Text.Json.Nodes;
using OutpostServerless.Emulator.Sam;
using OutpostServerless.Local.StepFunctions;
using OutpostServerless.StateMachine;

namespace OutpostServerless.Local.EventBridge;

/// <summary>
/// One event put on the local bus: the rules it matched, the executions their state machine targets started
/// (RUNNING when returned), what their function targets answered, and the matches that could not be delivered.
/// Shared by <c>events put</c> and PutEvents on <c>emulator serve</c>.
/// </summary>
public sealed record EventDelivery(
    PutEventReport Event,
    IReadOnlyList<(string Rule, ExecutionDescription Execution)> Started,
    IReadOnlyList<InvokedFunctionReport> Invoked,
    IReadOnlyList<FailedDeliveryReport> Failed)
{
    public static async Task<EventDelivery> DeliverAsync(
        SamTemplate template, LocalEventBus bus, LocalStepFunctions stepFunctions, JsonObject @event, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(bus);
        ArgumentNullException.ThrowIfNull(stepFunctions);
        ArgumentNullException.ThrowIfNull(@event);
        var matches = bus.Match(@event, stepFunctions.Clock.GetUtcNow());
        var started = new List<(string Rule, ExecutionDescription Execution)>();
        var invoked = new List<InvokedFunctionReport>();
        var failed = new List<FailedDeliveryReport>();
        foreach (var match in matches)
        {
            if (match.InputProblem is { } problem)
            {
                failed.Add(new FailedDeliveryReport(match.Rule.RuleName, problem));
                continue;
            }

            if (match.Rule.TargetKind == SamRuleTargetKind.Function)
            {
                var function = template.Functions[match.Rule.TargetLogicalId];
                var outcome = await stepFunctions.InvokeFunctionAsync(function, match.Input, match.Rule.RuleName, cancellationToken);
                invoked.Add(outcome switch
                {
                    TaskOutcome.Succeeded success => new InvokedFunctionReport(match.Rule.RuleName, function.LogicalId, null, success.Output),
                    TaskOutcome.Failed failure => new InvokedFunctionReport(match.Rule.RuleName, function.LogicalId, failure.Error, null),
                    _ => new InvokedFunctionReport(match.Rule.RuleName, function.LogicalId, "Unknown", null),
                });
                continue;
            }

            try
            {
                var machine = template.StateMachines[match.Rule.TargetLogicalId];
                started.Add((match.Rule.RuleName, stepFunctions.StartExecution(machine.Arn, name: null, match.Input)));
            }
            catch (StepFunctionsException refused)
            {
                failed.Add(new FailedDeliveryReport(match.Rule.RuleName, $"{refused.ErrorCode}: {refused.Message}"));
            }
        }

        var report = new PutEventReport(
            @event["id"]?.GetValue<string>() ?? "", @event["source"]!.GetValue<string>(), @event["detail-type"]!.GetValue<string>(),
            [.. matches.Select(m => m.Rule.RuleName)]);
        return new EventDelivery(report, started, invoked, failed);
    }
}
