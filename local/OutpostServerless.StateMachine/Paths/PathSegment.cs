using System.Text.Json.Nodes;

namespace OutpostServerless.StateMachine.Paths;

/// <summary>One step of a JSONPath: what it selects from each node the previous steps selected.</summary>
internal abstract record PathSegment
{
    /// <summary>True when the step selects at most one node (a single name or index).</summary>
    public abstract bool IsDefinite { get; }

    public abstract void Select(JsonNode? node, List<JsonNode?> matches);

    /// <summary>Every value directly inside an object or array, in document order.</summary>
    protected static IEnumerable<JsonNode?> ChildrenOf(JsonNode? node) => node switch
    {
        JsonObject obj => obj.Select(p => p.Value),
        JsonArray arr => arr,
        _ => Enumerable.Empty<JsonNode?>(),
    };
}

/// <summary><c>.name</c>, <c>['name']</c> or the union <c>['a','b']</c>.</summary>
internal sealed record PropertySegment(IReadOnlyList<string> Names) : PathSegment
{
    public override bool IsDefinite => Names.Count == 1;

    public override void Select(JsonNode? node, List<JsonNode?> matches)
    {
        if (node is not JsonObject obj)
        {
            return;
        }

        foreach (var name in Names)
        {
            if (obj.TryGetPropertyValue(name, out var value))
            {
                matches.Add(value);
            }
        }
    }
}

/// <summary><c>[2]</c>, <c>[-1]</c> (from the end) or the union <c>[0,2]</c>.</summary>
internal sealed record IndexSegment(IReadOnlyList<int> Indexes) : PathSegment
{
    public override bool IsDefinite => Indexes.Count == 1;

    public override void Select(JsonNode? node, List<JsonNode?> matches)
    {
        if (node is not JsonArray arr)
        {
            return;
        }

        foreach (var index in Indexes)
        {
            var i = index < 0 ? arr.Count + index : index;
            if (i >= 0 && i < arr.Count)
            {
                matches.Add(arr[i]);
            }
        }
    }
}

/// <summary><c>[start:end]</c> with either bound optional and negative bounds counted from the end.</summary>
internal sealed record SliceSegment(int? Start, int? End) : PathSegment
{
    public override bool IsDefinite => false;

    public override void Select(JsonNode? node, List<JsonNode?> matches)
    {
        if (node is not JsonArray arr)
        {
            return;
        }

        var from = Clamp(Start ?? 0, arr.Count);
        var to = Clamp(End ?? arr.Count, arr.Count);
        for (var i = from; i < to; i++)
        {
            matches.Add(arr[i]);
        }
    }

    private static int Clamp(int bound, int count) => Math.Clamp(bound < 0 ? count + bound : bound, 0, count);
}

/// <summary><c>.*</c> or <c>[*]</c>: every member of an object or element of an array.</summary>
internal sealed record WildcardSegment : PathSegment
{
    public override bool IsDefinite => false;

    public override void Select(JsonNode? node, List<JsonNode?> matches) => matches.AddRange(ChildrenOf(node));
}

/// <summary><c>..x</c>: applies <see cref="Inner"/> to the node and to every node below it.</summary>
internal sealed record DeepScanSegment(PathSegment Inner) : PathSegment
{
    public override bool IsDefinite => false;

    public override void Select(JsonNode? node, List<JsonNode?> matches)
    {
        Inner.Select(node, matches);
        foreach (var child in ChildrenOf(node))
        {
            if (child is JsonObject or JsonArray)
            {
                Select(child, matches);
            }
        }
    }
}

/// <summary><c>[?(@.price &lt; 10)]</c> or <c>[?(@.isbn)]</c>: the elements (or member values) that pass the filter.</summary>
internal sealed record FilterSegment(FilterExpression Filter) : PathSegment
{
    public override bool IsDefinite => false;

    public override void Select(JsonNode? node, List<JsonNode?> matches) =>
        matches.AddRange(ChildrenOf(node).Where(Filter.Accepts));
}
