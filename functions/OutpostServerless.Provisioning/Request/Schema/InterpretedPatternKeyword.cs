using System.Text.Json;
using System.Text.RegularExpressions;
using Json.Schema;
using Json.Schema.Keywords;

namespace OutpostServerless.Provisioning.Request;

/// <summary>
/// JSON Schema's <c>pattern</c> read as JsonSchema.Net reads it (an ECMAScript regex), but interpreted instead of
/// compiled to IL: the library asks for <see cref="RegexOptions.Compiled"/>, and a process that validates a request
/// or two (a <c>run</c>, a Lambda container) pays for compiling and JIT-compiling every pattern before it matches
/// once — about a fifth of a cold <c>run</c>'s request validation. The Native AOT bootstrap interprets them anyway.
/// </summary>
public sealed class InterpretedPatternKeyword : PatternKeyword
{
    public override object? ValidateKeywordValue(JsonElement value) => value.ValueKind == JsonValueKind.String
        ? new Regex(value.GetString()!, RegexOptions.ECMAScript)
        : base.ValidateKeywordValue(value);

    /// <summary>Draft 2020-12 (the request schema's <c>$schema</c>) with this <c>pattern</c>, in a registry of its own (the global one is process state).</summary>
    public static DialectRegistry Draft202012()
    {
        var registry = new DialectRegistry();
        registry.Register(Dialect.Draft202012.Without([Instance]).With([new InterpretedPatternKeyword()], Dialect.Draft202012.Id));
        return registry;
    }
}
