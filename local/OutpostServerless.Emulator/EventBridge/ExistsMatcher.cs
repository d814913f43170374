using System.Text.Json.Nodes;

namespace OutpostServerless.Emulator.EventBridge;

/// <summary>
/// <c>{"exists": true|false}</c>: judged on the field, not on a value (see <see cref="LeafField"/>), and only
/// on leaves: a field holding an object does not exist for <c>exists</c>.
/// </summary>
internal sealed class ExistsMatcher(bool shouldExist) : ValueMatcher
{
    public bool ShouldExist { get; } = shouldExist;

    public override bool Matches(JsonValue? value) => ShouldExist;
}
