namespace OutpostServerless.StateMachine.Tests;

/// <summary>Definitions AWS rejects at CreateStateMachine: each problem names the state and field.</summary>
public sealed class ValidationTests
{
    public static TheoryData<string, string> InvalidDefinitions => new()
    {
        {
            """{"StartAt":"CheckCapacity","States":{"CheckCapacity":{"Type":"Pass","Next":"Foo"}}}""",
            "State 'CheckCapacity': Next 'Foo' does not exist"
        },
        {
            """{"StartAt":"Nope","States":{"A":{"Type":"Pass","End":true}}}""",
            "StartAt 'Nope' does not exist"
        },
        {
            """{"StartAt":"A","States":{"A":{"Type":"Pass","End":true},"Orphan":{"Type":"Pass","End":true}}}""",
            "State 'Orphan': unreachable from StartAt 'A'"
        },
        {
            """{"StartAt":"A","States":{"A":{"Type":"Pass"}}}""",
            "State 'A': a non-terminal state needs Next (or End: true)"
        },
        {
            """{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B","End":true},"B":{"Type":"Succeed"}}}""",
            "State 'A': Next and End cannot both be set"
        },
        {
            """{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"r","End":true,"Catch":[{"ErrorEquals":["States.ALL"],"Next":"Gone"}]}}}""",
            "State 'A': Catch[0].Next 'Gone' does not exist"
        },
        {
            """{"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$.a","IsNull":true,"Next":"C"}],"Default":"Gone"}}}""",
            "State 'C': Default 'Gone' does not exist"
        },
        {
            """{"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$.a","IsNull":true,"Next":"Gone"}],"Default":"C"}}}""",
            "State 'C': Choices[0].Next 'Gone' does not exist"
        },
        {
            """{"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[]}}}""",
            "State 'C': Choices must be a non-empty array of Choice Rules"
        },
        {
            """{"StartAt":"C","States":{"C":{"Type":"Choice","End":true,"Choices":[{"Variable":"$.a","IsNull":true,"Next":"C"}]}}}""",
            "State 'C': the field 'End' is not supported in a Choice state"
        },
        {
            """{"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$.a","NumericEquals":"1","Next":"C"}]}}}""",
            "State 'C': Choices[0].NumericEquals: must be a number"
        },
        {
            """{"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"And":[{"Variable":"$.a","IsNull":true,"Next":"C"}],"Next":"C"}]}}}""",
            "State 'C': Choices[0].And[0]: a nested Choice Rule must not have Next"
        },
        {
            """{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"r","End":true,"Retry":[{"ErrorEquals":["States.ALL"]},{"ErrorEquals":["X"]}]}}}""",
            "State 'A': Retry[0]: States.ALL must appear alone in ErrorEquals and only in the last Retrier"
        },
        {
            """{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"r","End":true,"Catch":[{"ErrorEquals":["States.ALL","X"],"Next":"A"}]}}}""",
            "State 'A': Catch[0]: States.ALL must appear alone in ErrorEquals and only in the last Catcher"
        },
        {
            """{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"r","End":true,"Retry":[{"ErrorEquals":["X"],"BackoffRate":0.5,"JitterStrategy":"SOME"}]}}}""",
            "State 'A': Retry[0]: BackoffRate must be a number of at least 1.0"
        },
        {
            """{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"r","End":true,"Retry":[{"ErrorEquals":["X"],"JitterStrategy":"SOME"}]}}}""",
            "State 'A': Retry[0]: JitterStrategy must be FULL or NONE, not 'SOME'"
        },
        {
            """{"StartAt":"A","States":{"A":{"Type":"Task","End":true}}}""",
            "State 'A': Resource is required"
        },
        {
            """{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"r","TimeoutSeconds":10,"HeartbeatSeconds":10,"End":true}}}""",
            "State 'A': HeartbeatSeconds must be smaller than TimeoutSeconds"
        },
        {
            """{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"r","TimeoutSeconds":0,"End":true}}}""",
            "State 'A': TimeoutSeconds must be a positive integer"
        },
        {
            """{"StartAt":"A","States":{"A":{"Type":"Pass","Foo":1,"End":true}}}""",
            "State 'A': the field 'Foo' is not supported in a Pass state"
        },
        {
            """{"StartAt":"A","States":{"A":{"Type":"Sleep","End":true}}}""",
            "State 'A': Type 'Sleep' is not one of"
        },
        {
            """{"StartAt":"A","States":{"A":{"Type":"Pass","InputPath":"$.a[","End":true}}}""",
            "State 'A': InputPath: '$.a[' is not a valid JSONPath"
        },
        {
            """{"StartAt":"A","States":{"A":{"Type":"Pass","ResultPath":"$.a[*]","End":true}}}""",
            "State 'A': ResultPath: '$.a[*]' must be a Reference Path"
        },
        {
            """{"StartAt":"A","States":{"A":{"Type":"Pass","ResultPath":"$$.Execution","End":true}}}""",
            "State 'A': ResultPath cannot address the context object"
        },
        {
            """{"StartAt":"A","States":{"A":{"Type":"Pass","Parameters":{"x.$":"a.b"},"End":true}}}""",
            "State 'A': Parameters: the value of 'x.$': 'a.b' is not a valid JSONPath"
        },
        {
            """{"StartAt":"A","States":{"A":{"Type":"Pass","Parameters":{"x.$":"$.a","x":1},"End":true}}}""",
            "State 'A': Parameters: the field 'x' appears more than once"
        },
        {
            """{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":1,"SecondsPath":"$.s","End":true}}}""",
            "State 'W': a Wait state needs exactly one of Seconds, SecondsPath, Timestamp, TimestampPath"
        },
        {
            """{"StartAt":"W","States":{"W":{"Type":"Wait","Timestamp":"2024-01-01 00:00:00","End":true}}}""",
            "State 'W': Timestamp '2024-01-01 00:00:00' is not an RFC 3339 timestamp"
        },
        {
            """{"StartAt":"F","States":{"F":{"Type":"Fail","Error":"E","ErrorPath":"$.e"}}}""",
            "State 'F': Error and ErrorPath cannot both be set"
        },
        {
            """{"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[{"StartAt":"X","States":{"X":{"Type":"Pass","Next":"P"}}}]}}}""",
            "State 'X': Next 'P' does not exist"
        },
        {
            """{"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[{"StartAt":"Nope","States":{"X":{"Type":"Pass","End":true}}}]}}}""",
            "State 'P': Branches[0].StartAt 'Nope' does not exist"
        },
        {
            """{"StartAt":"P","States":{"P":{"Type":"Parallel","Next":"X","Branches":[{"StartAt":"X","States":{"X":{"Type":"Pass","End":true}}}]},"X":{"Type":"Pass","End":true}}}""",
            "State 'X': the name is used more than once"
        },
        {
            """{"StartAt":"M","States":{"M":{"Type":"Map","End":true}}}""",
            "State 'M': a Map state needs an ItemProcessor (or Iterator) object"
        },
        {
            """{"StartAt":"M","States":{"M":{"Type":"Map","ItemReader":{"Resource":"arn:aws:states:::s3:getObject"},"ItemProcessor":{"StartAt":"X","States":{"X":{"Type":"Pass","End":true}}},"End":true}}}""",
            "State 'M': the field 'ItemReader' is not supported by the local engine yet"
        },
        {
            """{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"CheckCapacity","End":true}}}""",
            "State 'A': Resource 'CheckCapacity' is not a valid resource ARN"
        },
        {
            """{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:f.waitForTaskToken","End":true}}}""",
            "State 'A': Resource 'arn:aws:lambda:us-east-1:1:function:f.waitForTaskToken': the .waitForTaskToken pattern applies only to service integrations"
        },
        {
            """{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:f","End":true,"Retry":[{"ErrorEquals":["States.Throttled"]}]}}}""",
            "State 'A': Retry[0]: ErrorEquals: 'States.Throttled' is not a predefined error name"
        },
        {
            """{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Pass","Next":"A"}}}""",
            "States: there is no terminal state"
        },
        {
            """{"StartAt":"M","States":{"M":{"Type":"Map","ToleratedFailurePercentage":150,"End":true,"ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}}}}""",
            "State 'M': ToleratedFailurePercentage must be a number from 0 to 100"
        },
        {
            """{"StartAt":"M","States":{"M":{"Type":"Map","ToleratedFailureCount":1,"ToleratedFailureCountPath":"$.n","End":true,"ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}}}}""",
            "State 'M': ToleratedFailureCount and ToleratedFailureCountPath cannot both be set"
        },
        {
            """{"StartAt":"F","States":{"F":{"Type":"Fail","CausePath":"States.ArrayLength($.items)"}}}""",
            "State 'F': CausePath: States.ArrayLength cannot be used here; only States.ArrayGetItem, States.Base64Decode"
        },
        {
            """{"StartAt":"A","TimeoutSeconds":-5,"States":{"A":{"Type":"Pass","End":true}}}""",
            "The definition: TimeoutSeconds must be a positive integer"
        },
        {
            """{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}""",
            "The definition is not valid JSON"
        },
    };

    [Theory]
    [MemberData(nameof(InvalidDefinitions))]
    public void An_invalid_definition_is_rejected_with_a_message_naming_the_state_and_field(string definition, string expected)
    {
        var error = Assert.Throws<DefinitionValidationException>(() => StateMachineDefinition.Parse(definition));

        Assert.Contains(error.Errors, message => message.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_problem_of_a_definition_is_reported_at_once()
    {
        var error = Assert.Throws<DefinitionValidationException>(() => StateMachineDefinition.Parse("""
            {"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Task","End":true},"C":{"Type":"Succeed"}}}
            """));

        Assert.Equal(
            ["State 'B': Resource is required", "State 'C': unreachable from StartAt 'A'"],
            error.Errors.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("${CheckCapacityFunctionArn}")]
    [InlineData("arn:aws:states:::lambda:invoke.waitForTaskToken")]
    [InlineData("arn:aws:states:us-east-1:123456789012:activity:approve")]
    public void A_Resource_that_is_an_ARN_or_a_DefinitionSubstitutions_placeholder_is_accepted(string resource)
    {
        var definition = StateMachineDefinition.Parse($$"""{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"{{resource}}","End":true} } }""");

        Assert.Equal(resource, definition.States.Single().Resource);
    }

    [Fact]
    public void A_valid_definition_lists_its_states_and_transitions_for_graphs()
    {
        var definition = StateMachineDefinition.Parse("""
            {"Comment":"demo","TimeoutSeconds":300,"StartAt":"T","States":{
              "T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:f","Next":"P","Catch":[{"ErrorEquals":["States.ALL"],"Next":"F"}]},
              "P":{"Type":"Parallel","End":true,"Branches":[{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":1,"End":true}}}]},
              "F":{"Type":"Fail"}}}
            """);

        Assert.Equal("T", definition.StartAt);
        Assert.Equal(300, definition.TimeoutSeconds);
        Assert.Equal(["T", "P", "W", "F"], definition.States.Select(s => s.Name));
        Assert.Equal([new StateEdge("Next", "P"), new StateEdge("Catch[0].Next", "F")], definition.States[0].Edges);
        Assert.Equal("P", definition.States[2].Parent);
        Assert.Equal("arn:aws:lambda:us-east-1:1:function:f", definition.States[0].Resource);
    }
}
