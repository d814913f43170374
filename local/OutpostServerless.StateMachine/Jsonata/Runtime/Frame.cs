namespace OutpostServerless.StateMachine.Jsonata.Runtime;

/// <summary>Variable bindings of a block or function call; lookups fall back to the enclosing frame.</summary>
internal sealed class Frame(Frame? parent)
{
    private readonly Dictionary<string, object?> _values = new(StringComparer.Ordinal);

    public void Bind(string name, object? value) => _values[name] = value;

    public bool TryLookup(string name, out object? value)
    {
        for (var frame = this; frame is not null; frame = frame.Parent)
        {
            if (frame._values.TryGetValue(name, out value))
            {
                return true;
            }
        }

        value = null;
        return false;
    }

    public Frame? Parent { get; } = parent;
}
