using System.Text.Json.Nodes;
using OutpostServerless.Emulator.Sam;
using Xunit;

namespace OutpostServerless.Emulator.Tests.Sam;

/// <summary>JSON Schema 2020-12 to the draft-04 API Gateway models use.</summary>
public sealed class ApiModelSchemaTests
{
    [Fact]
    public void The_model_declares_draft_04_and_leaves_the_root_id_out()
    {
        var model = ApiModelSchema.FromJsonSchema(Schema("""{"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://x/y.json", "type": "object"}"""));

        Assert.True(JsonNode.DeepEquals(Schema("""{"$schema": "http://json-schema.org/draft-04/schema#", "type": "object"}"""), model));
    }

    [Fact]
    public void Const_becomes_a_one_value_enum()
    {
        var model = ApiModelSchema.FromJsonSchema(Schema("""{"properties": {"mode": {"const": "task"}}}"""));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""["task"]"""), model["properties"]!["mode"]!["enum"]));
    }

    [Fact]
    public void A_numeric_exclusive_bound_becomes_the_draft_04_bound_and_flag()
    {
        var model = ApiModelSchema.FromJsonSchema(Schema("""{"properties": {"n": {"exclusiveMinimum": 0, "exclusiveMaximum": 10}}}"""));

        Assert.True(JsonNode.DeepEquals(Schema("""{"exclusiveMinimum": true, "minimum": 0, "exclusiveMaximum": true, "maximum": 10}"""), model["properties"]!["n"]));
    }

    [Fact]
    public void Defs_become_definitions_and_refs_follow()
    {
        var model = ApiModelSchema.FromJsonSchema(Schema("""{"$defs": {"id": {"type": "string"}}, "properties": {"a": {"$ref": "#/$defs/id"}}}"""));

        Assert.Equal("#/definitions/id", model["properties"]!["a"]!["$ref"]!.GetValue<string>());
        Assert.NotNull(model["definitions"]!["id"]);
    }

    [Theory]
    [InlineData("""{"properties": {"a": {"if": {"type": "string"}}}}""", "#/properties/a/if")]
    [InlineData("""{"items": {"contains": {"type": "string"}}}""", "#/items/contains")]
    [InlineData("""{"oneOf": [{"dependentRequired": {"a": ["b"]}}]}""", "#/oneOf/0/dependentRequired")]
    public void A_keyword_draft_04_cannot_express_is_refused_where_it_stands(string schema, string pointer)
    {
        var problem = Assert.Throws<SchemaTranslationException>(() => ApiModelSchema.FromJsonSchema(Schema(schema)));

        Assert.Equal(pointer, problem.Pointer);
    }

    [Fact]
    public void The_schema_given_is_not_changed()
    {
        var schema = Schema("""{"$id": "x", "properties": {"mode": {"const": "task"}}}""");
        var before = schema.DeepClone();

        ApiModelSchema.FromJsonSchema(schema);

        Assert.True(JsonNode.DeepEquals(before, schema));
    }

    [Fact]
    public void A_pattern_with_Unicode_property_escapes_is_left_to_the_function_and_any_other_pattern_is_kept()
    {
        var model = ApiModelSchema.FromJsonSchema(Schema("""{"properties": {"tag": {"type": "string", "pattern": "^[\\p{L}\\p{N}]*$"}, "id": {"pattern": "^[a-z]+$"}}}"""));

        Assert.True(JsonNode.DeepEquals(Schema("""{"type": "string"}"""), model["properties"]!["tag"]));
        Assert.Equal("^[a-z]+$", model["properties"]!["id"]!["pattern"]!.GetValue<string>());
    }

    private static JsonObject Schema(string json) => JsonNode.Parse(json)!.AsObject();
}
