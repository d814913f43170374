
using OutpostServerless.Local.Workflow;

namespace OutpostServerless.Local.StepFunctions;

/// <summary>A state machine <see cref="LocalStepFunctions"/> knows: one of the template's, or one made by CreateStateMachine.</summary>
public sealed record LocalStateMachine(string Arn, string Name, string Definition, string RoleArn, string Type, DateTimeOffset CreationDate, LocalWorkflow Workflow)
{
    public const string Standard = "STANDARD";

    /// <summary>The ARN of this state machine's execution named <paramref name="executionName"/>.</summary>
    public string ExecutionArn(string executionName) =>
        Arn.Replace(":stateMachine:", ":execution:", StringComparison.Ordinal) + ":" + executionName;
}
