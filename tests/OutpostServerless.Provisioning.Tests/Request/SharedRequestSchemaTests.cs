using OutpostServerless.Provisioning.Request;
using Xunit;

namespace OutpostServerless.Provisioning.Tests.Request;

/// <summary>
/// The request schema is built once per process and shared by every validator, function host and thread:
/// building it (parsing, compiling its pattern regexes) was most of an in-process provisioning's CPU.
/// </summary>
public sealed class SharedRequestSchemaTests
{
    [Fact]
    public void Every_validator_uses_the_one_schema_of_the_process()
    {
        Assert.Same(RequestSchema.Shared, new RequestValidator().Schema);
    }

    [Fact]
    public void A_caller_that_changes_the_document_it_was_given_does_not_change_the_shared_schema()
    {
        RequestSchema.Shared.Document["properties"]!.AsObject().Remove("outpostArn");

        Assert.NotNull(RequestSchema.Shared.Document["properties"]!["outpostArn"]);
        Assert.Contains("outpostArn", RequestSchema.Shared.TopLevelMembers);
    }

    [Fact]
    public async Task Validations_on_many_threads_at_once_give_what_they_give_one_at_a_time()
    {
        var requests = Enumerable.Range(0, 16)
            .Select(i => i % 2 == 0
                ? RequestEdit.Apply(SampleRequests.Parse(SampleRequests.WebService), "network.ingress[0].cidr", $"\"10.{i}.0.0/33\"")
                : RequestEdit.Apply(SampleRequests.Parse(SampleRequests.BatchTask), "cluster.instanceCount", $"{-i}"))
            .ToList();
        var validator = new RequestValidator();
        var alone = requests.Select(r => string.Join("\n", validator.Validate(r.DeepClone(), SampleRequests.BatchExecutionName).Errors)).ToList();

        var together = new string[requests.Count * 8];
        await Parallel.ForAsync(0, together.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, (i, _) =>
        {
            var request = requests[i % requests.Count].DeepClone();
            together[i] = string.Join("\n", validator.Validate(request, SampleRequests.BatchExecutionName).Errors);
            return ValueTask.CompletedTask;
        });

        Assert.All(alone, errors => Assert.NotEmpty(errors));
        Assert.Equal(Enumerable.Range(0, together.Length).Select(i => alone[i % requests.Count]), together);
    }

    [Fact]
    public void The_schemas_patterns_keep_ecmascript_semantics_without_being_compiled_to_il()
    {
        using var pattern = System.Text.Json.JsonDocument.Parse("\"^[a-z0-9-]{1,63}$\"");

        var regex = Assert.IsType<System.Text.RegularExpressions.Regex>(new InterpretedPatternKeyword().ValidateKeywordValue(pattern.RootElement));

        Assert.Equal(System.Text.RegularExpressions.RegexOptions.ECMAScript, regex.Options);
        Assert.Matches(regex, "storefront-web");
        Assert.DoesNotMatch(regex, "Storefront Web");
    }

    [Fact]
    public void A_request_breaking_a_pattern_is_still_refused_naming_the_field()
    {
        var request = RequestEdit.Apply(SampleRequests.Parse(SampleRequests.WebService), "provisioningId", "\"Not An Id!\"");

        var errors = new RequestValidator().Validate(request, SampleRequests.BatchExecutionName).Errors;

        Assert.Contains(errors, e => e.Field == "provisioningId");
    }
}
