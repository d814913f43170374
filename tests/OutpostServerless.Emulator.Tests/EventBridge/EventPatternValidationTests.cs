using OutpostServerless.Emulator.EventBridge;
using Xunit;

namespace OutpostServerless.Emulator.Tests.EventBridge;

/// <summary>Patterns EventBridge refuses when a rule is made, refused here naming where they are wrong.</summary>
public sealed class EventPatternValidationTests
{
    [Theory]
    [InlineData("""{}""", "")]
    [InlineData("""{"source": "aws.ec2"}""", "source")]
    [InlineData("""{"source": []}""", "source")]
    [InlineData("""{"detail": {}}""", "detail")]
    [InlineData("""{"detail": {"s": [["nested"]]}}""", "detail.s[0]")]
    [InlineData("""{"s": [{"prefix": "a", "suffix": "b"}]}""", "s[0]")]
    [InlineData("""{"s": [{"startswith": "a"}]}""", "s[0]")]
    [InlineData("""{"s": [{"prefix": 5}]}""", "s[0]")]
    [InlineData("""{"s": [{"wildcard": "a**b"}]}""", "s[0]")]
    [InlineData("""{"s": [{"wildcard": "a\\b"}]}""", "s[0]")]
    [InlineData("""{"s": [{"anything-but": ["a", 1]}]}""", "s[0]")]
    [InlineData("""{"s": [{"anything-but": []}]}""", "s[0]")]
    [InlineData("""{"s": [{"anything-but": true}]}""", "s[0]")]
    [InlineData("""{"s": [{"anything-but": {"numeric": [">", 1]}}]}""", "s[0]")]
    [InlineData("""{"n": [{"numeric": [">", 5, "<", 1]}]}""", "n[0]")]
    [InlineData("""{"n": [{"numeric": [">", 1, ">", 2]}]}""", "n[0]")]
    [InlineData("""{"n": [{"numeric": ["=", 1, "<", 2]}]}""", "n[0]")]
    [InlineData("""{"n": [{"numeric": [">", "1"]}]}""", "n[0]")]
    [InlineData("""{"n": [{"numeric": ["<", 6e9]}]}""", "n[0]")]
    [InlineData("""{"n": [{"exists": "yes"}]}""", "n[0]")]
    [InlineData("""{"ip": [{"cidr": "10.0.0.0/99"}]}""", "ip[0]")]
    [InlineData("""{"$or": [{"a": [1]}, {"b": []}]}""", "$or[1].b")]
    public void An_invalid_pattern_is_refused_at_the_field_that_is_wrong(string pattern, string path)
    {
        var problem = Assert.Throws<EventPatternException>(() => EventPattern.Parse(pattern));

        Assert.Equal(path, problem.Path);
    }

    [Fact]
    public void Text_that_is_not_JSON_is_refused()
    {
        Assert.Throws<EventPatternException>(() => EventPattern.Parse("{source: aws.ec2"));
    }
}
