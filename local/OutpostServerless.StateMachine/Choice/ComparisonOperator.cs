using System.Collections.Frozen;

namespace OutpostServerless.StateMachine.Choice;

/// <summary>What a data-test expression compares: strings, numbers, booleans, timestamps, or the value's type.</summary>
internal enum ComparisonFamily
{
    String,
    Numeric,
    Boolean,
    Timestamp,
    TypeTest,
}

internal enum ComparisonRelation
{
    Equals,
    LessThan,
    GreaterThan,
    LessThanEquals,
    GreaterThanEquals,
    Matches,
    IsNull,
    IsPresent,
    IsNumeric,
    IsString,
    IsBoolean,
    IsTimestamp,
}

/// <summary>A comparison operator of a Choice rule, e.g. NumericGreaterThanEqualsPath.</summary>
internal sealed record ComparisonOperator(string Name, ComparisonFamily Family, ComparisonRelation Relation, bool UsesPath)
{
    public static readonly FrozenDictionary<string, ComparisonOperator> ByName = Build().ToFrozenDictionary(o => o.Name, StringComparer.Ordinal);

    private static IEnumerable<ComparisonOperator> Build()
    {
        var ordered = new[]
        {
            ComparisonRelation.Equals, ComparisonRelation.LessThan, ComparisonRelation.GreaterThan,
            ComparisonRelation.LessThanEquals, ComparisonRelation.GreaterThanEquals,
        };
        foreach (var family in new[] { ComparisonFamily.String, ComparisonFamily.Numeric, ComparisonFamily.Timestamp })
        {
            foreach (var relation in ordered)
            {
                yield return new($"{family}{relation}", family, relation, UsesPath: false);
                yield return new($"{family}{relation}Path", family, relation, UsesPath: true);
            }
        }

        yield return new("StringMatches", ComparisonFamily.String, ComparisonRelation.Matches, UsesPath: false);
        yield return new("BooleanEquals", ComparisonFamily.Boolean, ComparisonRelation.Equals, UsesPath: false);
        yield return new("BooleanEqualsPath", ComparisonFamily.Boolean, ComparisonRelation.Equals, UsesPath: true);
        foreach (var test in new[]
        {
            ComparisonRelation.IsNull, ComparisonRelation.IsPresent, ComparisonRelation.IsNumeric,
            ComparisonRelation.IsString, ComparisonRelation.IsBoolean, ComparisonRelation.IsTimestamp,
        })
        {
            yield return new(test.ToString(), ComparisonFamily.TypeTest, test, UsesPath: false);
        }
    }
}
