using Amazon.DynamoDBv2.Model;

namespace OutpostServerless.Emulator.DynamoDb.Expressions;

/// <summary>One step of a document path: a map member's name or a list index.</summary>
internal sealed record PathElement(string? Name, int? Index)
{
    public override string ToString() => Name ?? $"[{Index}]";
}

/// <summary>
/// A document path (<c>a.b[2].c</c>) with its placeholders resolved: reads, writes and removes the
/// value it names in an item, as DynamoDB's expressions do.
/// </summary>
internal sealed record DocumentPath(IReadOnlyList<PathElement> Elements)
{
    public string TopLevelName => Elements[0].Name!;

    public AttributeValue? Get(Dictionary<string, AttributeValue> item)
    {
        AttributeValue? current = item.GetValueOrDefault(TopLevelName);
        foreach (var element in Elements.Skip(1))
        {
            current = (element, current) switch
            {
                ({ Name: { } name }, { M: { } map }) => map.GetValueOrDefault(name),
                ({ Index: { } index }, { L: { } list }) when index < list.Count => list[index],
                _ => null,
            };
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>Writes <paramref name="value"/> at the path; every element but the last must exist (DynamoDB creates no intermediate maps).</summary>
    public void Set(Dictionary<string, AttributeValue> item, AttributeValue value)
    {
        if (Elements.Count == 1)
        {
            item[TopLevelName] = value;
            return;
        }

        switch (Elements[^1], Parent(item))
        {
            case ({ Name: { } name }, { M: { } map }):
                map[name] = value;
                break;
            case ({ Index: { } index }, { L: { } list }):
                if (index < list.Count)
                {
                    list[index] = value;
                }
                else
                {
                    list.Add(value); // DynamoDB appends when the index is past the end.
                }

                break;
            default:
                throw DynamoDbErrors.Invalid("The document path provided in the update expression is invalid for update");
        }
    }

    public void Remove(Dictionary<string, AttributeValue> item)
    {
        if (Elements.Count == 1)
        {
            item.Remove(TopLevelName);
            return;
        }

        switch (Elements[^1], Parent(item))
        {
            case ({ Name: { } name }, { M: { } map }):
                map.Remove(name);
                break;
            case ({ Index: { } index }, { L: { } list }) when index < list.Count:
                list.RemoveAt(index);
                break;
        }
    }

    /// <summary>True when one path is the other or a prefix of it (DynamoDB refuses two such paths in one update).</summary>
    public bool Overlaps(DocumentPath other) =>
        Elements.Zip(other.Elements).All(p => p.First == p.Second);

    public override string ToString() => "[" + string.Join(", ", Elements) + "]";

    private AttributeValue? Parent(Dictionary<string, AttributeValue> item) =>
        new DocumentPath(Elements.Take(Elements.Count - 1).ToList()).Get(item);
}
