namespace OutpostServerless.StateMachine.Jsonata.Runtime;

/// <summary>An object value, keys in insertion order as JSON writes them.</summary>
internal sealed class JObject : OrderedDictionary<string, object?>
{
    public JObject()
        : base(StringComparer.Ordinal)
    {
    }
}
