using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Tests.Support;

namespace OutpostServerless.StateMachine.Tests;

/// <summary>
/// The built-in JSONata evaluator against the JSONata 2.0 documentation (docs.jsonata.org); every expected
/// value here was also checked against jsonata-js 2.0.6, the version Step Functions runs.
/// </summary>
public sealed class JsonataEvaluatorTests
{
    private static readonly JsonataEnvironment Environment = new(new DateTimeOffset(2024, 1, 2, 3, 4, 5, 678, TimeSpan.Zero), new Random(1));

    private static readonly Dictionary<string, JsonNode?> Bindings = new()
    {
        ["input"] = JsonNode.Parse("""
            {"name":"Ada","tags":["a","b","c"],"nums":[3,1,2,5,4],
             "orders":[{"id":1,"price":10.5,"qty":2,"cat":"x"},{"id":2,"price":3,"qty":5,"cat":"y"},{"id":3,"price":7.25,"qty":1,"cat":"x"}],
             "nested":{"a":{"b":{"c":42}},"arr":[{"k":[1,2]},{"k":[3]}]},"n":null}
            """),
        ["x"] = JsonValue.Create(5),
    };

    public static TheoryData<string, string> Expressions => new()
    {
        // Paths, predicates, sequences and flattening (docs: "Path Operators", "Predicate Queries").
        { "$input.nested.a.b.c", "42" },
        { "$input.orders.price", "[10.5,3,7.25]" },
        { "$input.orders[price > 5].id", "[1,3]" },
        { "$input.orders[-1].id", "3" },
        { "$input.orders[cat='x'][1].id", "3" },
        { "$input.nested.arr.k", "[1,2,3]" },
        { "$input.nested.arr.k[0]", "[1,3]" },
        { "($input.nested.arr.k)[-1]", "3" },
        { "$input.nested.**.c", "42" },
        { "$input.orders.[id, qty]", "[[1,2],[2,5],[3,1]]" },
        { "$input.nums^(>$)", "[5,4,3,2,1]" },
        { "$input.orders^(cat, >qty).id", "[1,3,2]" },
        { "$input.n", "null" },

        // Construction and grouping (docs: "Object constructors").
        { "$input.orders{cat: $sum(price)}", """{"x":17.75,"y":3}""" },
        { "$input.orders{cat: id}", """{"x":[1,3],"y":2}""" },
        { "$input.orders.{\"id\": id, \"total\": price * qty}", """[{"id":1,"total":21},{"id":2,"total":15},{"id":3,"total":7.25}]""" },
        { "{\"a\": $nothing, \"b\": 1}", """{"b":1}""" },
        { "[1..4]", "[1,2,3,4]" },

        // Operators, conditions, blocks, functions and closures (docs: "Programming constructs").
        { "7 % 3 & \"|\" & (\"a\" in [\"a\"])", "\"1|true\"" },
        { "$input.name = \"Ada\" ? \"yes\" : \"no\"", "\"yes\"" },
        { "($a := 3; $b := 4; $a * $b)", "12" },
        { "($fact := function($n){ $n <= 1 ? 1 : $n * $fact($n - 1) }; $fact(10))", "3628800" },
        { "($add := function($a, $b){ $a + $b }; $add5 := $add(?, 5); $add5($x))", "10" },
        { "($c := $uppercase ~> $substring(?, 0, 2); $c(\"hello\"))", "\"HE\"" },
        { "$input.orders ~> $filter(function($o){ $o.qty > 1 }) ~> $map(function($o){ $o.id })", "[1,2]" },
        { "$reduce([1,2,3,4], function($acc, $v){ $acc + $v }, 10)", "20" },

        // Built-in functions (docs: "String", "Numeric", "Array", "Object", "Date/Time" functions).
        { "$string({\"a\":[1,2,{\"b\":null}]})", "\"{\\\"a\\\":[1,2,{\\\"b\\\":null}]}\"" },
        { "$string(1e20)", "\"100000000000000000000\"" },
        { "$substring(\"Hello World\", -4, 2)", "\"or\"" },
        { "$split(\"a1b22c\", /[0-9]+/)", """["a","b","c"]""" },
        { "$replace(\"John Smith\", /(\\w+)\\s(\\w+)/, \"$2, $1\")", "\"Smith, John\"" },
        { "$match(\"ababbabbcc\", /a(b+)/).groups", """["b","bb","bb"]""" },
        { "$pad(\"x\", -5, \"#\")", "\"####x\"" },
        { "$join($input.tags, \"-\")", "\"a-b-c\"" },
        { "$round(2.5) & \",\" & $round(3.5) & \",\" & $round(1.2345, 2)", "\"2,4,1.23\"" },
        { "$formatNumber(1234.5678, \"#,##0.00\")", "\"1,234.57\"" },
        { "$formatInteger(1999, \"I\")", "\"MCMXCIX\"" },
        { "$formatInteger(21, \"W\")", "\"TWENTY-ONE\"" },
        { "$formatBase(255, 16)", "\"ff\"" },
        { "$parseInteger(\"twelve\", \"w\")", "12" },
        { "$number(\"0x1A\")", "26" },
        { "$average([1,2,3,4])", "2.5" },
        { "$distinct([1,2,2,3,1])", "[1,2,3]" },
        { "$zip([1,2,3],[4,5,6])", "[[1,4],[2,5],[3,6]]" },
        { "$merge([{\"a\":1},{\"b\":2},{\"a\":3}])", """{"a":3,"b":2}""" },
        { "$spread({\"a\":1,\"b\":2})", """[{"a":1},{"b":2}]""" },
        { "$keys([{\"a\":1},{\"b\":2,\"a\":3}])", """["a","b"]""" },
        { "$each({\"a\":1,\"b\":2}, function($v, $k){ $k & \"=\" & $v })", """["a=1","b=2"]""" },
        { "$fromMillis(1704164645678, \"[D1o] [MNn] [Y], [h]:[m01] [P]\")", "\"2nd January 2024, 3:04 am\"" },
        { "$fromMillis(0, \"[Y]-[M]-[D] [H01]:[m]:[s].[f001] [Z]\", \"+0530\")", "\"1970-1-1 05:30:00.000 +05:30\"" },
        { "$toMillis(\"2024-01-02T03:04:05.678Z\")", "1704164645678" },
        { "$now()", "\"2024-01-02T03:04:05.678Z\"" },
        { "$base64decode($base64encode(\"hello\"))", "\"hello\"" },

        // Step Functions' additions (AWS "Transforming data with JSONata").
        { "$partition([1,2,3,4,5], 2)", "[[1,2],[3,4],[5]]" },
        { "$range(0, 10, 3)", "[0,3,6,9]" },
        { "$hash(\"hello\", \"MD5\")", "\"5d41402abc4b2a76b9719d911017c592\"" },
        { "$parse('{\"a\":[1,2]}')", """{"a":[1,2]}""" },
    };

    public static TheoryData<string, string> Errors => new()
    {
        { "1 + \"a\"", "T2002" },
        { "\"a\" < 1", "T2009" },
        { "$sum(\"a\")", "T0412" },
        { "$uppercase(\"a\", \"b\")", "T0410" },
        { "$nothing()", "T1006" },
        { "$eval(\"1\")", "T1006" },
        { "$number(\" 5\")", "D3030" },
        { "$assert(false, \"boom\")", "D3141" },
        { "$error(\"custom\")", "D3137" },
        { "$replace(\"aaa\", /a*?/, \"x\")", "D1004" },
    };

    [Theory]
    [MemberData(nameof(Expressions))]
    public void An_expression_evaluates_as_JSONata_2_0_specifies(string expression, string expected)
    {
        Assert.True(Evaluate(expression, out var result), $"{expression} returned nothing");

        JsonAssert.Equal(expected, result);
    }

    [Theory]
    [MemberData(nameof(Errors))]
    public void A_failing_expression_raises_the_JSONata_error_code(string expression, string code)
    {
        var error = Assert.Throws<JsonataException>(() => Evaluate(expression, out _));

        Assert.Equal(code, error.Code);
    }

    [Theory]
    [InlineData("$input.absent")]
    [InlineData("$input.orders[price > 100]")]
    [InlineData("$nothing")]
    [InlineData("function($x) { $x }")]
    public void A_missing_value_or_a_function_is_undefined(string expression) =>
        Assert.False(Evaluate(expression, out _));

    [Theory]
    [InlineData("a[1,2)", "S0202")]
    [InlineData("\"unterminated", "S0101")]
    [InlineData("1 +", "S0207")]
    public void A_syntax_error_is_reported_when_compiling(string expression, string code)
    {
        var error = Assert.Throws<JsonataException>(() => new JsonataEvaluator().Compile(expression));

        Assert.Equal(code, error.Code);
    }

    [Theory]
    [InlineData("phone", "phone")]
    [InlineData("$.a", "$")]
    [InlineData("$$.a", "$$")]
    [InlineData("$map([1], function($v){ other })", "other")]
    public void Top_level_references_to_the_missing_context_are_reported(string expression, string reference) =>
        Assert.Contains(reference, new JsonataEvaluator().Compile(expression).TopLevelReferences);

    [Fact]
    public void Later_path_steps_and_predicates_are_not_top_level_references() =>
        Assert.Empty(new JsonataEvaluator().Compile("$input.items[value > 3].name^(age)").TopLevelReferences);

    private static bool Evaluate(string expression, out JsonNode? result) =>
        new JsonataEvaluator().Compile(expression).TryEvaluate(Bindings, Environment, out result);
}
