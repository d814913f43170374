namespace OutpostServerless.StateMachine.Jsonata.Runtime;

/// <summary>
/// An array value, or a sequence (the values a path yields): a sequence of one value is that value, of
/// none is undefined, unless <see cref="KeepSingleton"/> (<c>path[]</c>).
/// </summary>
internal sealed class JArray : List<object?>
{
    public JArray()
    {
    }

    public JArray(IEnumerable<object?> items)
        : base(items)
    {
    }

    public bool IsSequence { get; init; }

    public bool KeepSingleton { get; set; }

    /// <summary>Built by an array constructor <c>[…]</c>: a path does not flatten it into its sequence.</summary>
    public bool Cons { get; set; }

    /// <summary>The one-element wrapper a path puts around a non-array input.</summary>
    public bool OuterWrapper { get; init; }

    public static JArray Sequence() => new() { IsSequence = true };

    public static JArray Sequence(object? single)
    {
        var sequence = Sequence();
        if (single is not null)
        {
            sequence.Add(single);
        }

        return sequence;
    }
}
