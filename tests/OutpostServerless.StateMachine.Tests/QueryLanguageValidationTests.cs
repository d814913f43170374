namespace OutpostServerless.StateMachine.Tests;

/// <summary>
/// What AWS refuses at CreateStateMachine in JSONata and variable definitions: unparsable expressions,
/// top-level references, fields of the other query language, a JSONPath state in a JSONata machine, and
/// bad variable names.
/// </summary>
public sealed class QueryLanguageValidationTests
{
    public static TheoryData<string, string> InvalidDefinitions => new()
    {
        {
            """{"QueryLanguage":"JSONata","StartAt":"E","States":{"E":{"Type":"Pass","Output":{"v":"{% a[1,2) %}"},"End":true}}}""",
            "State 'E': INVALID_JSONATA_EXPRESSION:"
        },
        {
            """{"QueryLanguage":"JSONata","StartAt":"E","States":{"E":{"Type":"Pass","Output":{"v":"{% phone %}"},"End":true}}}""",
            "State 'E': UNSUPPORTED_JSONATA_EXPRESSION: Reference to 'phone' at the top level is not supported. at Output/v"
        },
        {
            """{"QueryLanguage":"JSONata","StartAt":"E","States":{"E":{"Type":"Pass","Output":"{% $$.x %}","End":true}}}""",
            "State 'E': UNSUPPORTED_JSONATA_EXPRESSION: Reference to '$$' is not supported. at Output"
        },
        {
            """{"QueryLanguage":"JSONata","StartAt":"E","States":{"E":{"Type":"Pass","Output":"{% $states.errorOutput %}","End":true}}}""",
            "State 'E': UNSUPPORTED_JSONATA_EXPRESSION: $states.errorOutput is only available in a Catcher"
        },
        {
            """{"StartAt":"X","States":{"X":{"Type":"Pass","Output":{"v":1},"End":true}}}""",
            "State 'X': The QueryLanguage is set to 'JSONPath', but field 'Output' is only supported for the 'JSONata' QueryLanguage"
        },
        {
            """{"QueryLanguage":"JSONata","StartAt":"X","States":{"X":{"Type":"Pass","InputPath":"$.a","End":true}}}""",
            "State 'X': The QueryLanguage is set to 'JSONata', but field 'InputPath' is only supported for the 'JSONPath' QueryLanguage"
        },
        {
            """{"QueryLanguage":"JSONata","StartAt":"X","States":{"X":{"Type":"Pass","QueryLanguage":"JSONPath","End":true}}}""",
            "State 'X': 'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine"
        },
        {
            """{"StartAt":"X","States":{"X":{"Type":"Pass","QueryLanguage":"jsonata","End":true}}}""",
            "State 'X': QueryLanguage: Value should be one of the following: [JSONPath, JSONata]"
        },
        {
            """{"QueryLanguage":"JSONata","StartAt":"M","States":{"M":{"Type":"Map","ItemProcessor":{"QueryLanguage":"JSONata","StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}""",
            "State 'M': ItemProcessor.QueryLanguage: the field is not supported here"
        },
        {
            """{"StartAt":"A","States":{"A":{"Type":"Pass","Assign":{"states":1},"End":true}}}""",
            "State 'A': Assign: the variable name 'states' is reserved"
        },
        {
            """{"StartAt":"A","States":{"A":{"Type":"Pass","Assign":{"1st":1},"End":true}}}""",
            "State 'A': Assign: '1st' is not a valid variable name"
        },
        {
            """{"StartAt":"A","States":{"A":{"Type":"Pass","ResultPath":"$var","End":true}}}""",
            "State 'A': ResultPath cannot address a variable"
        },
        {
            """{"QueryLanguage":"JSONata","StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$.a","BooleanEquals":true,"Next":"D"}]},"D":{"Type":"Succeed"}}}""",
            "State 'C': Choices[0]: The QueryLanguage is set to 'JSONata', but field 'Variable' is only supported for the 'JSONPath' QueryLanguage"
        },
        {
            """{"QueryLanguage":"JSONata","StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:f","Catch":[{"ErrorEquals":["States.ALL"],"ResultPath":"$.e","Next":"D"}],"End":true},"D":{"Type":"Succeed"}}}""",
            "State 'T': Catch[0]: The QueryLanguage is set to 'JSONata', but field 'ResultPath' is only supported for the 'JSONPath' QueryLanguage"
        },
    };

    [Theory]
    [MemberData(nameof(InvalidDefinitions))]
    public void An_invalid_JSONata_or_variable_definition_is_rejected_naming_the_state_and_field(string definition, string expected)
    {
        var error = Assert.Throws<DefinitionValidationException>(() => StateMachineDefinition.Parse(definition));

        Assert.Contains(error.Errors, p => p.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void A_name_in_a_later_step_predicate_or_lambda_parameter_is_not_a_top_level_reference()
    {
        var definition = StateMachineDefinition.Parse("""
            {"QueryLanguage":"JSONata","StartAt":"A","States":{"A":{"Type":"Pass",
              "Output":"{% $map($states.input.items[value > 3], function($i) { $i.value }) %}","End":true}}}
            """);

        Assert.Equal(QueryLanguage.Jsonata, definition.QueryLanguage);
    }

    [Fact]
    public void A_JSONPath_machine_may_upgrade_one_state_to_JSONata()
    {
        var definition = StateMachineDefinition.Parse("""
            {"StartAt":"A","States":{"A":{"Type":"Pass","QueryLanguage":"JSONata","Output":"{% 1 %}","End":true}}}
            """);

        Assert.Equal(QueryLanguage.JsonPath, definition.QueryLanguage);
    }
}
