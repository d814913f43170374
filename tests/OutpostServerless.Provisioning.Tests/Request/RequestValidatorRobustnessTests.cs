using System.Text.Json.Nodes;
using OutpostServerless.Provisioning.Request;
using Xunit;

namespace OutpostServerless.Provisioning.Tests.Request;

/// <summary>Whatever JSON arrives, validation answers with a plan or field errors; it never throws.</summary>
public sealed class RequestValidatorRobustnessTests
{
    private static readonly RequestValidator Validator = new();

    [Theory]
    [InlineData("null")]
    [InlineData("true")]
    [InlineData("-1")]
    [InlineData("1e308")]
    [InlineData("0.5")]
    [InlineData("\"\"")]
    [InlineData("\"\\u0000\\n\\u001f\"")]
    [InlineData("[]")]
    [InlineData("[null, 1, {}]")]
    [InlineData("{}")]
    [InlineData("{\"\": {\"\\n\": []}}")]
    public void Any_value_in_any_place_of_a_request_gives_field_errors_or_a_plan(string odd)
    {
        foreach (var sample in new[] { SampleRequests.WebService, SampleRequests.BatchTask })
        {
            foreach (var path in Paths(SampleRequests.Parse(sample), FieldPath.Root))
            {
                var request = RequestEdit.Apply(SampleRequests.Parse(sample), path, odd);

                var validation = Validator.Validate(request, "exec-1");

                Assert.True(validation.IsValid || validation.Errors.All(e => e.Field.Length > 0 && e.Reason.Length > 0 && e.Fix.Length > 0), path);
            }
        }
    }

    private static IEnumerable<string> Paths(JsonNode? node, FieldPath path)
    {
        if (!path.IsRoot)
        {
            yield return path.ToString();
        }

        var children = node switch
        {
            JsonObject obj => obj.Select(p => (Path: path.Member(p.Key), Node: p.Value)).ToList(),
            JsonArray array => array.Select((n, i) => (Path: path.Index(i), Node: n)).ToList(),
            _ => [],
        };
        foreach (var (childPath, child) in children)
        {
            foreach (var nested in Paths(child, childPath))
            {
                yield return nested;
            }
        }
    }
}
