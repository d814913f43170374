using System.Text.RegularExpressions;
using Amazon.EC2.Model;

namespace OutpostServerless.Emulator.Ec2;

/// <summary>
/// The Describe* filters of one resource type: named fields plus <c>tag:&lt;key&gt;</c>,
/// <c>tag-key</c> and <c>tag-value</c>. Values OR together, filters AND; <c>*</c> and <c>?</c> are
/// wildcards; an unknown filter name is InvalidParameterValue, as EC2 answers.
/// </summary>
internal sealed class Ec2Filters<T>(IReadOnlyDictionary<string, Func<T, IEnumerable<string?>>> fields, Func<T, Dictionary<string, string>> tagsOf)
{
    public Func<T, bool> Compile(List<Filter>? filters)
    {
        var predicates = new List<Func<T, bool>>();
        foreach (var filter in filters ?? [])
        {
            var name = filter.Name ?? string.Empty;
            var patterns = (filter.Values ?? []).Select(Pattern).ToList();
            Func<T, IEnumerable<string?>> valuesOf = name switch
            {
                _ when name.StartsWith("tag:", StringComparison.Ordinal) => r => tagsOf(r).TryGetValue(name[4..], out var v) ? [v] : [],
                "tag-key" => r => tagsOf(r).Keys,
                "tag-value" => r => tagsOf(r).Values,
                _ when fields.TryGetValue(name, out var field) => field,
                _ => throw Ec2Errors.InvalidValue($"The filter '{name}' is invalid"),
            };
            predicates.Add(r => valuesOf(r).Any(v => v is not null && patterns.Exists(p => p.IsMatch(v))));
        }

        return r => predicates.TrueForAll(p => p(r));
    }

    private static Regex Pattern(string value)
    {
        var pattern = Regex.Escape(value).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal);
        return new Regex($"^{pattern}$", RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
