namespace OutpostServerless.StateMachine.Jsonata.Runtime;

/// <summary>
/// Variable bindings of a block or function call; lookups fall back to the enclosing frame. The outermost
/// frame may resolve names on demand (the caller's bindings, converted only when an expression reads them).
/// </summary>
internal sealed class Frame(Frame? parent, Func<string, (bool Found, object? Value)>? resolve = null)
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

            if (frame._resolve is { } resolver && resolver(name) is { Found: true } resolved)
            {
                value = resolved.Value;
                return true;
            }
        }

        value = null;
        return false;
    }

    public Frame? Parent { get; } = parent;

    private readonly Func<string, (bool Found, object? Value)>? _resolve = resolve;
}
