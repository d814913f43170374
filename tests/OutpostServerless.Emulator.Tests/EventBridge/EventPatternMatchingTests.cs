using OutpostServerless.Emulator.EventBridge;
using Xunit;

namespace OutpostServerless.Emulator.Tests.EventBridge;

/// <summary>EventBridge's pattern language, operator by operator, against events as EventBridge delivers them.</summary>
public sealed class EventPatternMatchingTests
{
    [Theory]
    // Exact values: strings by case, numbers by value, the JSON literals, and arrays by intersection.
    [InlineData("""{"source": ["aws.ec2"]}""", """{"source": "aws.ec2"}""", true)]
    [InlineData("""{"source": ["aws.ec2"]}""", """{"source": "AWS.EC2"}""", false)]
    [InlineData("""{"source": ["aws.ec2"]}""", """{"detail": {}}""", false)]
    [InlineData("""{"n": [300]}""", """{"n": 3.0e2}""", true)]
    [InlineData("""{"n": [5]}""", """{"n": "5"}""", false)]
    [InlineData("""{"n": ["5"]}""", """{"n": 5}""", false)]
    [InlineData("""{"v": [null]}""", """{"v": null}""", true)]
    [InlineData("""{"v": [true]}""", """{"v": "true"}""", false)]
    [InlineData("""{"v": [""]}""", """{"v": ""}""", true)]
    [InlineData("""{"resources": ["b", "z"]}""", """{"resources": ["a", "b"]}""", true)]
    [InlineData("""{"resources": ["z"]}""", """{"resources": ["a", "b"]}""", false)]
    // Nested objects and arrays of objects, each element on its own.
    [InlineData("""{"detail": {"state": {"value": ["ALARM"]}}}""", """{"detail": {"state": {"value": "ALARM"}}}""", true)]
    [InlineData("""{"detail": {"state": {"value": ["ALARM"]}}}""", """{"detail": {"state": "ALARM"}}""", false)]
    [InlineData("""{"items": {"name": ["Anna"], "last": ["Smith"]}}""", """{"items": [{"name": "John", "last": "Doe"}, {"name": "Anna", "last": "Smith"}]}""", true)]
    [InlineData("""{"items": {"name": ["Anna"], "last": ["Doe"]}}""", """{"items": [{"name": "John", "last": "Doe"}, {"name": "Anna", "last": "Smith"}]}""", false)]
    public void Exact_values_nesting_and_arrays(string pattern, string @event, bool matches) => Check(pattern, @event, matches);

    [Theory]
    [InlineData("""{"r": [{"prefix": "us-"}]}""", """{"r": "us-west-2"}""", true)]
    [InlineData("""{"r": [{"prefix": "us-"}]}""", """{"r": "eu-west-1"}""", false)]
    [InlineData("""{"r": [{"prefix": "us-"}]}""", """{"r": 5}""", false)]
    [InlineData("""{"r": [{"prefix": {"equals-ignore-case": "US-"}}]}""", """{"r": "us-west-2"}""", true)]
    [InlineData("""{"f": [{"suffix": ".png"}]}""", """{"f": "a.png"}""", true)]
    [InlineData("""{"f": [{"suffix": ".png"}]}""", """{"f": "a.PNG"}""", false)]
    [InlineData("""{"f": [{"suffix": {"equals-ignore-case": ".png"}}]}""", """{"f": "a.PNG"}""", true)]
    [InlineData("""{"n": [{"equals-ignore-case": "alice"}]}""", """{"n": "ALICE"}""", true)]
    [InlineData("""{"n": [{"equals-ignore-case": "alice"}]}""", """{"n": "alicia"}""", false)]
    [InlineData("""{"p": [{"wildcard": "*/lib/*"}]}""", """{"p": "/usr/lib/x.so"}""", true)]
    [InlineData("""{"p": [{"wildcard": "*/lib/*"}]}""", """{"p": "/usr/bin/x"}""", false)]
    [InlineData("""{"p": [{"wildcard": "a\\*b"}]}""", """{"p": "a*b"}""", true)]
    [InlineData("""{"p": [{"wildcard": "a\\*b"}]}""", """{"p": "axxb"}""", false)]
    [InlineData("""{"p": [{"wildcard": "Simple*Service"}]}""", """{"p": "Simple Queue Service"}""", true)]
    public void Prefix_suffix_equals_ignore_case_and_wildcard(string pattern, string @event, bool matches) => Check(pattern, @event, matches);

    [Theory]
    [InlineData("""{"s": [{"anything-but": "init"}]}""", """{"s": "running"}""", true)]
    [InlineData("""{"s": [{"anything-but": "init"}]}""", """{"s": "init"}""", false)]
    [InlineData("""{"s": [{"anything-but": "init"}]}""", """{"x": 1}""", false)]
    [InlineData("""{"s": [{"anything-but": ["stopped", "overloaded"]}]}""", """{"s": "overloaded"}""", false)]
    [InlineData("""{"s": [{"anything-but": ["stopped", "overloaded"]}]}""", """{"s": "running"}""", true)]
    [InlineData("""{"n": [{"anything-but": [100, 200]}]}""", """{"n": 200.0}""", false)]
    [InlineData("""{"n": [{"anything-but": [100, 200]}]}""", """{"n": 150}""", true)]
    [InlineData("""{"r": [{"anything-but": {"prefix": "us-"}}]}""", """{"r": "us-east-1"}""", false)]
    [InlineData("""{"r": [{"anything-but": {"prefix": "us-"}}]}""", """{"r": "eu-west-1"}""", true)]
    [InlineData("""{"r": [{"anything-but": {"prefix": ["us-", "eu-"]}}]}""", """{"r": "eu-west-1"}""", false)]
    [InlineData("""{"f": [{"anything-but": {"suffix": ".png"}}]}""", """{"f": "a.jpg"}""", true)]
    [InlineData("""{"f": [{"anything-but": {"suffix": ".png"}}]}""", """{"f": "a.png"}""", false)]
    [InlineData("""{"s": [{"anything-but": {"equals-ignore-case": ["INIT", "Stopped"]}}]}""", """{"s": "stopped"}""", false)]
    [InlineData("""{"s": [{"anything-but": {"equals-ignore-case": ["INIT", "Stopped"]}}]}""", """{"s": "running"}""", true)]
    [InlineData("""{"p": [{"anything-but": {"wildcard": "*/lib/*"}}]}""", """{"p": "/usr/lib/x"}""", false)]
    [InlineData("""{"p": [{"anything-but": {"wildcard": "*/lib/*"}}]}""", """{"p": "/usr/bin/x"}""", true)]
    [InlineData("""{"r": [{"anything-but": {"prefix": "us-"}}]}""", """{"r": 5}""", false)]
    public void Anything_but(string pattern, string @event, bool matches) => Check(pattern, @event, matches);

    [Theory]
    [InlineData("""{"c": [{"numeric": [">", 0, "<=", 5]}]}""", """{"c": 5}""", true)]
    [InlineData("""{"c": [{"numeric": [">", 0, "<=", 5]}]}""", """{"c": 0}""", false)]
    [InlineData("""{"c": [{"numeric": [">", 0, "<=", 5]}]}""", """{"c": 5.000001}""", false)]
    [InlineData("""{"c": [{"numeric": [">=", 0, "<", 5]}]}""", """{"c": 0}""", true)]
    [InlineData("""{"c": [{"numeric": ["<", 10]}]}""", """{"c": -3}""", true)]
    [InlineData("""{"c": [{"numeric": ["=", 3.018e2]}]}""", """{"c": 301.8}""", true)]
    [InlineData("""{"c": [{"numeric": [">", 0]}]}""", """{"c": "7"}""", false)]
    public void Numeric_ranges_match_JSON_numbers_only(string pattern, string @event, bool matches) => Check(pattern, @event, matches);

    [Theory]
    [InlineData("""{"detail": {"c": [{"exists": true}]}}""", """{"detail": {"c": 1}}""", true)]
    [InlineData("""{"detail": {"c": [{"exists": true}]}}""", """{"detail": {"c": null}}""", true)]
    [InlineData("""{"detail": {"c": [{"exists": true}]}}""", """{"detail": {}}""", false)]
    [InlineData("""{"detail": {"c": [{"exists": false}]}}""", """{"detail": {}}""", true)]
    [InlineData("""{"detail": {"c": [{"exists": false}]}}""", """{"source": "x"}""", true)]
    [InlineData("""{"detail": {"c": [{"exists": false}]}}""", """{"detail": {"c": {"c1": 100}}}""", true)]
    [InlineData("""{"detail": {"c": [{"exists": true}]}}""", """{"detail": {"c": {"c1": 100}}}""", false)]
    [InlineData("""{"ip": [{"cidr": "10.0.0.0/24"}]}""", """{"ip": "10.0.0.33"}""", true)]
    [InlineData("""{"ip": [{"cidr": "10.0.0.0/24"}]}""", """{"ip": "10.0.1.33"}""", false)]
    [InlineData("""{"ip": [{"cidr": "2001:db8::/32"}]}""", """{"ip": "2001:db8::1"}""", true)]
    [InlineData("""{"ip": [{"cidr": "10.0.0.0/24"}]}""", """{"ip": "not-an-ip"}""", false)]
    public void Exists_is_about_leaves_and_cidr_about_addresses(string pattern, string @event, bool matches) => Check(pattern, @event, matches);

    [Theory]
    [InlineData("""{"source": ["aws.cloudwatch"], "$or": [{"metricName": ["CPUUtilization"]}, {"namespace": ["AWS/EC2"]}]}""", """{"source": "aws.cloudwatch", "namespace": "AWS/EC2"}""", true)]
    [InlineData("""{"source": ["aws.cloudwatch"], "$or": [{"metricName": ["CPUUtilization"]}, {"namespace": ["AWS/EC2"]}]}""", """{"source": "aws.cloudwatch", "namespace": "AWS/ES"}""", false)]
    [InlineData("""{"source": ["aws.cloudwatch"], "$or": [{"metricName": ["CPUUtilization"]}, {"namespace": ["AWS/EC2"]}]}""", """{"source": "aws.ec2", "metricName": "CPUUtilization"}""", false)]
    [InlineData("""{"$or": [{"a": [1]}, {"b": [2], "$or": [{"c": [3]}, {"d": [4]}]}]}""", """{"b": 2, "d": 4}""", true)]
    [InlineData("""{"$or": [{"a": [1]}, {"b": [2], "$or": [{"c": [3]}, {"d": [4]}]}]}""", """{"b": 2, "e": 4}""", false)]
    [InlineData("""{"detail": {"$or": [{"state": ["ALARM"]}, {"count": [{"numeric": [">", 9]}]}]}}""", """{"detail": {"count": 10}}""", true)]
    public void Or_takes_alternatives_at_any_level(string pattern, string @event, bool matches) => Check(pattern, @event, matches);

    [Fact]
    public void An_Or_that_is_not_a_list_of_two_objects_is_an_ordinary_field()
    {
        var pattern = EventPattern.Parse("""{"$or": {"a": ["x"]}}""");

        Assert.True(pattern.Matches(System.Text.Json.Nodes.JsonNode.Parse("""{"$or": {"a": "x"}}""")));
    }

    private static void Check(string pattern, string @event, bool matches) =>
        Assert.Equal(matches, EventPattern.Parse(pattern).Matches(System.Text.Json.Nodes.JsonNode.Parse(@event)));
}
