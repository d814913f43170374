using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using OutpostServerless.Emulator.DynamoDb.Expressions;

namespace OutpostServerless.Emulator.DynamoDb;

internal sealed partial class DynamoDbWorld
{
    /// <summary>
    /// The items of one partition key, in sort-key order, from after <c>ExclusiveStartKey</c>: at most
    /// <c>Limit</c> are read (and counted in <c>ScannedCount</c>), then the filter keeps some (<c>Count</c>).
    /// Reading stopped by the limit returns <c>LastEvaluatedKey</c>, as DynamoDB does even when nothing is left.
    /// </summary>
    public QueryResponse Query(QueryRequest request)
    {
        RefuseLegacy(("KeyConditions", request.KeyConditions is { Count: > 0 }), ("QueryFilter", request.QueryFilter is { Count: > 0 }), ("AttributesToGet", request.AttributesToGet is { Count: > 0 }), ("ConditionalOperator", request.ConditionalOperator is not null));
        var table = ActiveTable(request.TableName);
        if (request.IndexName is not null)
        {
            throw DynamoDbErrors.Invalid($"The table does not have the specified index: {request.IndexName}");
        }

        if (request.KeyConditionExpression is null)
        {
            throw DynamoDbErrors.Invalid("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
        }

        if (request.Limit is <= 0)
        {
            throw DynamoDbErrors.Invalid($"1 validation error detected: Value '{request.Limit}' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1");
        }

        var context = new ExpressionContext(request.ExpressionAttributeNames, request.ExpressionAttributeValues, anyExpression: true);
        var keyCondition = ExpressionParser.Condition(request.KeyConditionExpression, "KeyCondition", context);
        RequireKeyCondition(table, keyCondition);
        var filter = request.FilterExpression is null ? null : ExpressionParser.Condition(request.FilterExpression, "Filter", context);
        var projection = request.ProjectionExpression is null ? null : ExpressionParser.Projection(request.ProjectionExpression, context);
        context.RequireAllUsed();
        if (filter is not null && table.Key.FirstOrDefault(k => Mentions(filter, k.Name)) is { } keyInFilter)
        {
            throw DynamoDbErrors.Invalid($"Filter Expression can only contain non-primary key attributes: Primary key attribute: {keyInFilter.Name}");
        }

        var sortKey = table.SortKey;
        var matching = table.Items.Select(AttributeValueJson.ReadItem).Where(keyCondition.Evaluate).ToList();
        if (sortKey is not null)
        {
            matching.Sort((a, b) => AttributeValues.Compare(a[sortKey.Name], b[sortKey.Name]) ?? 0);
        }

        if (request.ScanIndexForward == false)
        {
            matching.Reverse();
        }

        if (request.ExclusiveStartKey is { } start)
        {
            RequireKey(table, start);
            var at = matching.FindIndex(i => table.Key.All(k => AttributeValues.AreEqual(i[k.Name], start[k.Name])));
            matching = matching.Skip(at + 1).ToList();
        }

        var read = request.Limit is { } limit ? matching.Take(limit).ToList() : matching;
        var kept = filter is null ? read : read.Where(filter.Evaluate).ToList();
        var countOnly = request.Select == Select.COUNT;
        return new QueryResponse
        {
            Items = countOnly ? null : kept.Select(i => Project(i, projection)).ToList(),
            Count = kept.Count,
            ScannedCount = read.Count,
            LastEvaluatedKey = request.Limit is { } stop && read.Count == stop ? KeyOf(table, read[^1]) : null,
        };
    }

    /// <summary>
    /// A key condition is <c>partitionKey = :v</c>, optionally AND one sort-key condition
    /// (<c>=</c>, <c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&gt;=</c>, BETWEEN, begins_with).
    /// </summary>
    private static void RequireKeyCondition(TableRecord table, ConditionNode condition)
    {
        var parts = condition is And and ? new[] { and.Left, and.Right } : [condition];
        var partition = table.PartitionKey.Name;
        if (!parts.Any(p => p is Comparison { Left: PathOperand { Path.Elements.Count: 1 } path, Operator: "=", Right: ValueOperand } && path.Path.TopLevelName == partition))
        {
            throw DynamoDbErrors.Invalid($"Query condition missed key schema element: {partition}");
        }

        foreach (var part in parts.Where(p => !(p is Comparison { Left: PathOperand path, Operator: "=" } && path.Path.TopLevelName == partition)))
        {
            var attribute = part switch
            {
                Comparison { Left: PathOperand path, Operator: not "<>", Right: ValueOperand } => path.Path.TopLevelName,
                Between { Value: PathOperand path, Low: ValueOperand, High: ValueOperand } => path.Path.TopLevelName,
                BeginsWith { Value: PathOperand path, Prefix: ValueOperand } => path.Path.TopLevelName,
                _ => null,
            };
            if (attribute is null || attribute != table.SortKey?.Name)
            {
                throw DynamoDbErrors.Invalid("Query key condition not supported");
            }
        }
    }

    private static bool Mentions(ConditionNode condition, string attribute) => condition switch
    {
        And and => Mentions(and.Left, attribute) || Mentions(and.Right, attribute),
        Or or => Mentions(or.Left, attribute) || Mentions(or.Right, attribute),
        Not not => Mentions(not.Inner, attribute),
        AttributeExists exists => exists.Path.TopLevelName == attribute,
        AttributeType type => type.Path.TopLevelName == attribute,
        Comparison c => Mentions(c.Left, attribute) || Mentions(c.Right, attribute),
        Between b => Mentions(b.Value, attribute) || Mentions(b.Low, attribute) || Mentions(b.High, attribute),
        In i => Mentions(i.Value, attribute) || i.Candidates.Any(c => Mentions(c, attribute)),
        BeginsWith b => Mentions(b.Value, attribute),
        Contains c => Mentions(c.Value, attribute),
        _ => false,
    };

    private static bool Mentions(Operand operand, string attribute) => operand switch
    {
        PathOperand p => p.Path.TopLevelName == attribute,
        SizeOperand s => s.Path.TopLevelName == attribute,
        _ => false,
    };
}
