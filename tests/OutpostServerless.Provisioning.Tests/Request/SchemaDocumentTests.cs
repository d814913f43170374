using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using OutpostServerless.Provisioning.Request;
using Xunit;

namespace OutpostServerless.Provisioning.Tests.Request;

/// <summary>statemachine/request.schema.json is a valid, documented JSON Schema, and the one validation uses.</summary>
public sealed class SchemaDocumentTests
{
    private static readonly RequestSchema Schema = RequestSchema.Shared;

    [Fact]
    public void The_schema_is_valid_JSON_Schema_2020_12()
    {
        using var document = JsonDocument.Parse(Schema.Text);

        var results = MetaSchemas.Draft202012.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(results.IsValid, string.Join("\n", (results.Details ?? []).SelectMany(d => d.Errors ?? new Dictionary<string, string>()).Select(e => e.Value)));
    }

    [Fact]
    public void The_schema_has_an_id_and_a_title()
    {
        Assert.StartsWith("https://", Schema.Document["$id"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("ProvisioningRequest", Schema.Document["title"]!.GetValue<string>());
    }

    [Fact]
    public void Every_property_has_a_description()
    {
        var undocumented = Subschemas(Schema.Document, "#")
            .Where(s => s.Schema["description"] is null)
            .Select(s => s.Pointer)
            .ToList();

        Assert.Empty(undocumented);
    }

    [Fact]
    public void Every_object_of_ours_refuses_unknown_members()
    {
        var open = Subschemas(Schema.Document, "#")
            .Where(s => s.Schema["type"] is JsonValue type && type.GetValueKind() == JsonValueKind.String && type.GetValue<string>() == "object"
                && !s.Pointer.Contains("/taskDefinition", StringComparison.Ordinal)
                && !s.Pointer.EndsWith("/containerInstanceTags", StringComparison.Ordinal)
                && s.Schema["additionalProperties"]?.GetValueKind() != JsonValueKind.False)
            .Select(s => s.Pointer)
            .ToList();

        Assert.Empty(open);
    }

    [Fact]
    public void The_schema_defaults_are_the_defaults_the_plan_gets()
    {
        var properties = Schema.Document["properties"]!;

        Assert.Equal(RequestDefaults.OnFailure, properties["onFailure"]!["default"]!.GetValue<string>());
        Assert.Equal(RequestDefaults.ImagePullBehavior, properties["cluster"]!["properties"]!["imagePullBehavior"]!["default"]!.GetValue<string>());
        Assert.Equal(RequestDefaults.DesiredCount, properties["workload"]!["properties"]!["desiredCount"]!["default"]!.GetValue<int>());
        Assert.Equal(RequestDefaults.CapacityWaitMaxSeconds, properties["capacityWait"]!["properties"]!["maxSeconds"]!["default"]!.GetValue<int>());
        Assert.Equal(RequestDefaults.CapacityWaitPollSeconds, properties["capacityWait"]!["properties"]!["pollSeconds"]!["default"]!.GetValue<int>());
    }

    [Fact]
    public void The_embedded_schema_is_the_file_in_statemachine()
    {
        var file = Path.Combine(RepositoryRoot(), "statemachine", "request.schema.json");

        Assert.Equal(File.ReadAllText(file), Schema.Text);
    }

    [Fact]
    public void Every_example_in_statemachine_examples_is_a_valid_request()
    {
        var validator = new RequestValidator();
        var examples = Directory.GetFiles(Path.Combine(RepositoryRoot(), "statemachine", "examples"), "*.json");

        var refused = examples
            .Select(f => (File: Path.GetFileName(f), Validation: validator.Validate(JsonNode.Parse(File.ReadAllText(f)), "example")))
            .Where(e => !e.Validation.IsValid)
            .Select(e => $"{e.File}: {string.Join("; ", e.Validation.Errors)}")
            .ToList();

        Assert.NotEmpty(examples);
        Assert.Empty(refused);
    }

    /// <summary>Every subschema under <c>properties</c>, <c>items</c> and <c>additionalProperties</c>, with its pointer.</summary>
    private static IEnumerable<(string Pointer, JsonObject Schema)> Subschemas(JsonObject schema, string pointer)
    {
        if (schema["properties"] is JsonObject properties)
        {
            foreach (var (name, child) in properties)
            {
                var childPointer = $"{pointer}/properties/{name}";
                yield return (childPointer, child!.AsObject());
                foreach (var nested in Subschemas(child.AsObject(), childPointer))
                {
                    yield return nested;
                }
            }
        }

        foreach (var keyword in new[] { "items", "additionalProperties" })
        {
            if (schema[keyword] is JsonObject child)
            {
                var childPointer = $"{pointer}/{keyword}";
                yield return (childPointer, child);
                foreach (var nested in Subschemas(child, childPointer))
                {
                    yield return nested;
                }
            }
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OutpostServerless.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("OutpostServerless.sln not found above the test binaries.");
    }
}
