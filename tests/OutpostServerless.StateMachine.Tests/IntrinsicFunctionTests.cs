using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OutpostServerless.StateMachine.Tests.Support;

namespace OutpostServerless.StateMachine.Tests;

/// <summary>Spec "Intrinsic Functions", evaluated in a Pass state's Parameters against <see cref="Input"/>.</summary>
public sealed partial class IntrinsicFunctionTests
{
    private const string Input = """
        {"name":"Ada","n":3,"list":[1,2,2,3,"a",{"k":1},{"k":1}],"obj":{"a":1,"b":{"c":2}},"other":{"b":3,"d":4},
         "json":"{\"x\":[1,2]}","csv":"a,b;;c","text":"hello","b64":"aGVsbG8=","tpl":"{} + {}"}
        """;

    public static TheoryData<string, string> Evaluations => new()
    {
        { "States.Format('Hello, {}!', $.name)", "\"Hello, Ada!\"" },
        { "States.Format($.tpl, $.n, 'x')", "\"3 + x\"" },
        { "States.Format('no placeholders')", "\"no placeholders\"" },
        { "States.Format('{} {} {} {}', 1.5, true, null, $.obj)", "\"1.5 true null {a=1, b={c=2}}\"" },
        { "States.Format('{}', $.list)", "\"[1, 2, 2, 3, a, {k=1}, {k=1}]\"" },
        { "States.Format('it\\'s \\{literal\\} and {}', 'quoted')", "\"it's {literal} and quoted\"" },
        { "States.StringToJson($.json)", """{"x":[1,2]}""" },
        { "States.JsonToString($.obj)", "\"{\\\"a\\\":1,\\\"b\\\":{\\\"c\\\":2}}\"" },
        { "States.Array(1, 'two', $.n, null, States.Array())", """[1,"two",3,null,[]]""" },
        { "States.ArrayPartition($.list, 3)", """[[1,2,2],[3,"a",{"k":1}],[{"k":1}]]""" },
        { "States.ArrayContains($.list, 'a')", "true" },
        { "States.ArrayContains($.list, $.obj)", "false" },
        { "States.ArrayRange(0, 6, 2)", "[0,2,4,6]" },
        { "States.ArrayRange(5, 1, -2)", "[5,3,1]" },
        { "States.ArrayGetItem($.list, 4)", "\"a\"" },
        { "States.ArrayLength($.list)", "7" },
        { "States.ArrayUnique($.list)", """[1,2,3,"a",{"k":1}]""" },
        { "States.Base64Encode($.text)", "\"aGVsbG8=\"" },
        { "States.Base64Decode($.b64)", "\"hello\"" },
        { "States.Hash($.text, 'SHA-1')", "\"aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d\"" },
        { "States.Hash('input', 'MD5')", "\"a43c1b0aa53a0c908810c06ab1ff3967\"" },
        { "States.Hash($.text, 'SHA-256')", "\"2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824\"" },
        { "States.JsonMerge($.obj, $.other, false)", """{"a":1,"b":3,"d":4}""" },
        { "States.MathAdd($.n, -1)", "2" },
        { "States.MathAdd(1.5, 1)", "3" },
        { "States.StringSplit($.csv, ',;')", """["a","b","c"]""" },
        { "States.ArrayLength(States.StringSplit(States.Format('{},{}', $.name, $.text), ','))", "2" },
        { "States.Format('{}', $$.State.Name)", "\"P\"" },
    };

    public static TheoryData<string> Failures => new()
    {
        "States.Format('{} {}', 1)",
        "States.StringToJson('not json')",
        "States.ArrayPartition($.list, 0)",
        "States.ArrayRange(0, 10, 0)",
        "States.ArrayRange(0, 2000, 1)",
        "States.ArrayGetItem($.list, 7)",
        "States.ArrayLength($.obj)",
        "States.Base64Decode('%%%')",
        "States.Hash($.text, 'SHA-3')",
        "States.JsonMerge($.obj, $.other, true)",
        "States.MathAdd($.name, 1)",
        "States.MathRandom(5, 5)",
    };

    [Theory]
    [MemberData(nameof(Evaluations))]
    public async Task Intrinsic_function_returns_the_value_the_spec_defines(string expression, string expected)
    {
        var output = await EvaluateAsync(expression);

        JsonAssert.Equal(expected, output);
    }

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task Intrinsic_function_given_invalid_arguments_raises_States_IntrinsicFailure(string expression)
    {
        var machine = new Machine(PassMachine(expression));

        var result = await machine.RunAsync(Input);

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal(StatesErrorNames.IntrinsicFailure, result.Error);
    }

    [Fact]
    public async Task States_UUID_returns_a_version_4_uuid_drawn_from_the_seeded_random_source()
    {
        var first = await EvaluateAsync("States.UUID()", seed: 11);
        var again = await EvaluateAsync("States.UUID()", seed: 11);
        var other = await EvaluateAsync("States.UUID()", seed: 12);

        Assert.Matches(UuidV4(), first!.GetValue<string>());
        Assert.Equal(first.GetValue<string>(), again!.GetValue<string>());
        Assert.NotEqual(first.GetValue<string>(), other!.GetValue<string>());
    }

    [Fact]
    public async Task States_MathRandom_with_a_seed_gives_the_same_number_every_time_within_start_inclusive_end_exclusive()
    {
        var values = new List<long>();
        for (var seed = 0; seed < 5; seed++)
        {
            values.Add((await EvaluateAsync("States.MathRandom(1, 10, 1234)", seed))!.GetValue<long>());
        }

        Assert.Single(values.Distinct());
        Assert.InRange(values[0], 1, 9);
    }

    [Fact]
    public async Task States_MathRandom_without_a_seed_stays_within_its_range()
    {
        for (var seed = 0; seed < 20; seed++)
        {
            var value = (await EvaluateAsync("States.MathRandom(5, 7)", seed))!.GetValue<long>();
            Assert.InRange(value, 5, 6);
        }
    }

    [Fact]
    public void An_unknown_intrinsic_function_is_rejected_when_the_definition_loads()
    {
        var error = Assert.Throws<DefinitionValidationException>(() => StateMachineDefinition.Parse(PassMachine("States.Nope($.a)")));

        Assert.Contains(error.Errors, e => e.Contains("unknown function 'States.Nope'", StringComparison.Ordinal));
    }

    [Fact]
    public void An_intrinsic_called_with_the_wrong_number_of_arguments_is_rejected_when_the_definition_loads()
    {
        var error = Assert.Throws<DefinitionValidationException>(() => StateMachineDefinition.Parse(PassMachine("States.MathAdd(1)")));

        Assert.Contains(error.Errors, e => e.Contains("States.MathAdd takes 2 argument(s), got 1", StringComparison.Ordinal));
    }

    private static async Task<JsonNode?> EvaluateAsync(string expression, int seed = 7)
    {
        var machine = new Machine(PassMachine(expression));
        var result = await machine.RunAsync(Input, seed);
        Assert.True(result.Status == ExecutionStatus.Succeeded, $"{result.Error}: {result.Cause}");
        return result.Output!["r"];
    }

    private static string PassMachine(string expression)
    {
        var parameters = new JsonObject { ["r.$"] = expression };
        return $$"""{"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{{parameters.ToJsonString()}},"End":true} } }""";
    }

    [GeneratedRegex("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")]
    private static partial Regex UuidV4();
}
