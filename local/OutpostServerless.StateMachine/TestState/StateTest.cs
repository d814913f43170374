using System.Text.Json.Nodes;

namespace OutpostServerless.StateMachine;

/// <summary>One TestState request (botocore <c>stepfunctions</c> 2016-11-23, TestStateInput), its JSON already parsed.</summary>
public sealed record StateTest
{
    /// <summary>One state's definition, or with <see cref="StateName"/> a whole state machine's.</summary>
    public required string Definition { get; init; }

    /// <summary>The state to test in a whole state machine <see cref="Definition"/>.</summary>
    public string? StateName { get; init; }

    public JsonNode? Input { get; init; } = new JsonObject();

    public InspectionLevel InspectionLevel { get; init; } = InspectionLevel.Info;

    /// <summary>Required to test a Task without a mock, as AWS requires; the context object's <c>Execution.RoleArn</c>.</summary>
    public string? RoleArn { get; init; }

    /// <summary>The workflow variables the state sees (<c>variables</c>).</summary>
    public JsonObject? Variables { get; init; }

    public StateTestMock? Mock { get; init; }

    /// <summary><c>stateConfiguration.retrierRetryCount</c>: the retries the applicable Retrier already made.</summary>
    public int RetrierRetryCount { get; init; }

    /// <summary>Region, account and name of the express execution TestState runs in (its context object's ARNs).</summary>
    public string StateMachineArn { get; init; } = "arn:aws:states:us-east-1:123456789012:stateMachine:TestState";
}
