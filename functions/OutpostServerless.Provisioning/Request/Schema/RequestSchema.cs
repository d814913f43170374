using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using OutpostServerless.Provisioning.Errors;

namespace OutpostServerless.Provisioning.Request;

/// <summary>
/// <c>statemachine/request.schema.json</c>, embedded in this assembly (one file serves the API model,
/// the CLI and this validation), and the evaluation of a request against it as field errors.
/// Built once per process (<see cref="Shared"/>): building parses the document and compiles its pattern
/// regexes, which was 62 % of an in-process provisioning's CPU when every function host built its own.
/// Evaluation only reads it, so every host, validator and thread shares the one instance.
/// </summary>
public sealed class RequestSchema
{
    public const string ResourceName = "OutpostServerless.Provisioning.Request.request.schema.json";

    // Set once, never replaced: the process's one schema (the AOT bootstrap builds it once per container).
    private static readonly Lazy<RequestSchema> Built = new(() => new RequestSchema(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly JsonSchema schema;
    private readonly JsonObject document;
    private readonly SchemaErrorTranslator translator;

    private RequestSchema()
    {
        Text = ReadEmbeddedText();
        document = JsonNode.Parse(Text)?.AsObject() ?? throw new InvalidOperationException($"{ResourceName} is empty.");
        // JsonNode.Parse builds its nodes lazily, on first read, and that first read is not thread-safe: read the
        // whole tree now so that concurrent evaluations only ever read built nodes.
        Materialize(document);
        // A registry of its own: the global one is process state shared with any other schema of the same $id.
        schema = JsonSchema.FromText(Text, new BuildOptions { SchemaRegistry = new SchemaRegistry(), DialectRegistry = InterpretedPatternKeyword.Draft202012() });
        translator = new SchemaErrorTranslator(document);
        TopLevelMembers = (document["properties"] as JsonObject)?.Select(p => p.Key).ToImmutableArray() ?? [];
    }

    /// <summary>The process's schema, built on first use.</summary>
    public static RequestSchema Shared => Built.Value;

    /// <summary>The schema document as written.</summary>
    public string Text { get; }

    /// <summary>The schema document, parsed: a copy of its own for each caller, so none can change the shared one.</summary>
    public JsonObject Document => document.DeepClone().AsObject();

    /// <summary>The request's top-level members in the order the document declares them.</summary>
    public ImmutableArray<string> TopLevelMembers { get; }

    /// <summary>Every place <paramref name="request"/> breaks the schema, as field errors with fixes.</summary>
    public IReadOnlyList<FieldError> Evaluate(JsonElement request, JsonNode? requestNode)
    {
        var results = schema.Evaluate(request, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return results.IsValid ? [] : translator.Translate(results, requestNode);
    }

    private static void Materialize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject members:
                foreach (var member in members)
                {
                    Materialize(member.Value);
                }

                break;
            case JsonArray items:
                foreach (var item in items)
                {
                    Materialize(item);
                }

                break;
        }
    }

    private static string ReadEmbeddedText()
    {
        using var stream = typeof(RequestSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{ResourceName} is not embedded in {typeof(RequestSchema).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
