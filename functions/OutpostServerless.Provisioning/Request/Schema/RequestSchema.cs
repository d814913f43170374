using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using OutpostServerless.Provisioning.Errors;

namespace OutpostServerless.Provisioning.Request;

/// <summary>
/// <c>statemachine/request.schema.json</c>, embedded in this assembly (one file serves the API model,
/// the CLI and this validation), and the evaluation of a request against it as field errors.
/// </summary>
public sealed class RequestSchema
{
    public const string ResourceName = "OutpostServerless.Provisioning.Request.request.schema.json";

    private readonly JsonSchema schema;
    private readonly SchemaErrorTranslator translator;

    public RequestSchema()
    {
        Text = ReadEmbeddedText();
        Document = JsonNode.Parse(Text)?.AsObject() ?? throw new InvalidOperationException($"{ResourceName} is empty.");
        // A registry of its own: the global one refuses a second schema with the same $id, and two
        // validators (tests, the CLI beside a host) must be able to coexist.
        schema = JsonSchema.FromText(Text, new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        translator = new SchemaErrorTranslator(Document);
    }

    /// <summary>The schema document as written.</summary>
    public string Text { get; }

    /// <summary>The schema document, parsed; do not modify.</summary>
    public JsonObject Document { get; }

    /// <summary>Every place <paramref name="request"/> breaks the schema, as field errors with fixes.</summary>
    public IReadOnlyList<FieldError> Evaluate(JsonElement request, JsonNode? requestNode)
    {
        var results = schema.Evaluate(request, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return results.IsValid ? [] : translator.Translate(results, requestNode);
    }

    private static string ReadEmbeddedText()
    {
        using var stream = typeof(RequestSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{ResourceName} is not embedded in {typeof(RequestSchema).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
