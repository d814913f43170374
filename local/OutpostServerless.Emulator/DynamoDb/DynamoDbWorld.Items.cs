using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using OutpostServerless.Emulator.DynamoDb.Expressions;

namespace OutpostServerless.Emulator.DynamoDb;

internal sealed partial class DynamoDbWorld
{
    public GetItemResponse GetItem(GetItemRequest request)
    {
        RefuseLegacy(("AttributesToGet", request.AttributesToGet is { Count: > 0 }));
        var table = ActiveTable(request.TableName);
        RequireKey(table, request.Key);
        var context = new ExpressionContext(request.ExpressionAttributeNames, null, request.ProjectionExpression is not null);
        var projection = request.ProjectionExpression is null ? null : ExpressionParser.Projection(request.ProjectionExpression, context);
        context.RequireAllUsed();
        var item = Find(table, request.Key)?.Item;
        return new GetItemResponse { Item = item is null ? null : Project(item, projection) };
    }

    public PutItemResponse PutItem(PutItemRequest request)
    {
        RefuseLegacy(("Expected", request.Expected is { Count: > 0 }), ("ConditionalOperator", request.ConditionalOperator is not null));
        var table = ActiveTable(request.TableName);
        var item = request.Item ?? throw DynamoDbErrors.Invalid("1 validation error detected: Value null at 'item' failed to satisfy constraint: Member must not be null");
        foreach (var key in table.Key)
        {
            if (!item.TryGetValue(key.Name, out var value))
            {
                throw DynamoDbErrors.InvalidParameter($"Missing the key {key.Name} in the item");
            }

            RequireKeyValue(key, value);
        }

        var returnValues = ReturnValuesOf(request.ReturnValues, ReturnValue.NONE, ReturnValue.ALL_OLD);
        var (context, condition) = ConditionOf(request.ConditionExpression, request.ExpressionAttributeNames, request.ExpressionAttributeValues);
        context.RequireAllUsed();
        RequireSize(item);
        var existing = Find(table, KeyOf(table, item));
        Check(condition, existing?.Item, request.ReturnValuesOnConditionCheckFailure);
        Store(table, existing?.Index, item);
        return new PutItemResponse { Attributes = returnValues == ReturnValue.ALL_OLD.Value ? existing?.Item : null };
    }

    public UpdateItemResponse UpdateItem(UpdateItemRequest request)
    {
        RefuseLegacy(("Expected", request.Expected is { Count: > 0 }), ("AttributeUpdates", request.AttributeUpdates is { Count: > 0 }), ("ConditionalOperator", request.ConditionalOperator is not null));
        var table = ActiveTable(request.TableName);
        RequireKey(table, request.Key);
        var returnValues = ReturnValuesOf(request.ReturnValues, ReturnValue.NONE, ReturnValue.ALL_OLD, ReturnValue.UPDATED_OLD, ReturnValue.ALL_NEW, ReturnValue.UPDATED_NEW);
        var (context, condition) = ConditionOf(request.ConditionExpression, request.ExpressionAttributeNames, request.ExpressionAttributeValues, request.UpdateExpression is not null);
        var actions = request.UpdateExpression is null ? [] : ExpressionParser.Update(request.UpdateExpression, context);
        context.RequireAllUsed();
        var keyAction = actions.FirstOrDefault(a => table.Key.Any(k => k.Name == a.Path.TopLevelName));
        if (keyAction is not null)
        {
            throw DynamoDbErrors.InvalidParameter($"Cannot update attribute {keyAction.Path.TopLevelName}. This attribute is part of the key");
        }

        var existing = Find(table, request.Key);
        Check(condition, existing?.Item, request.ReturnValuesOnConditionCheckFailure);
        var before = existing?.Item ?? new Dictionary<string, AttributeValue>(request.Key, StringComparer.Ordinal);
        var after = AttributeValueJson.ReadItem(AttributeValueJson.ItemNode(before)); // a deep copy to change
        foreach (var action in actions)
        {
            action.Apply(after, before);
        }

        RequireSize(after);
        Store(table, existing?.Index, after);
        var touched = actions.Select(a => a.Path.TopLevelName).ToHashSet(StringComparer.Ordinal);
        return new UpdateItemResponse
        {
            Attributes = returnValues switch
            {
                "ALL_OLD" => existing?.Item,
                "ALL_NEW" => after,
                "UPDATED_OLD" => existing?.Item.Where(p => touched.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
                "UPDATED_NEW" => after.Where(p => touched.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
                _ => null,
            },
        };
    }

    public DeleteItemResponse DeleteItem(DeleteItemRequest request)
    {
        RefuseLegacy(("Expected", request.Expected is { Count: > 0 }), ("ConditionalOperator", request.ConditionalOperator is not null));
        var table = ActiveTable(request.TableName);
        RequireKey(table, request.Key);
        var returnValues = ReturnValuesOf(request.ReturnValues, ReturnValue.NONE, ReturnValue.ALL_OLD);
        var (context, condition) = ConditionOf(request.ConditionExpression, request.ExpressionAttributeNames, request.ExpressionAttributeValues);
        context.RequireAllUsed();
        var existing = Find(table, request.Key);
        Check(condition, existing?.Item, request.ReturnValuesOnConditionCheckFailure);
        if (existing is not null)
        {
            table.Items.RemoveAt(existing.Value.Index);
        }

        return new DeleteItemResponse { Attributes = returnValues == ReturnValue.ALL_OLD.Value ? existing?.Item : null };
    }

    private static (ExpressionContext Context, ConditionNode? Condition) ConditionOf(
        string? conditionExpression,
        Dictionary<string, string>? names,
        Dictionary<string, AttributeValue>? values,
        bool otherExpression = false)
    {
        var context = new ExpressionContext(names, values, conditionExpression is not null || otherExpression);
        var condition = conditionExpression is null ? null : ExpressionParser.Condition(conditionExpression, "Condition", context);
        return (context, condition);
    }

    /// <summary>A false condition changes nothing and fails; an absent item is evaluated as an item with no attributes.</summary>
    private static void Check(ConditionNode? condition, Dictionary<string, AttributeValue>? item, ReturnValuesOnConditionCheckFailure? returnOnFailure)
    {
        if (condition is not null && !condition.Evaluate(item ?? []))
        {
            throw DynamoDbErrors.ConditionFailed(returnOnFailure == ReturnValuesOnConditionCheckFailure.ALL_OLD ? item : null);
        }
    }

    private static string ReturnValuesOf(ReturnValue? requested, params ReturnValue[] allowed)
    {
        var value = requested?.Value ?? ReturnValue.NONE.Value;
        return allowed.Any(a => a.Value == value)
            ? value
            : throw DynamoDbErrors.InvalidParameter("Return values set to invalid value");
    }

    /// <summary>The key names exactly the table's key attributes, with values of their declared types.</summary>
    private static void RequireKey(TableRecord table, Dictionary<string, AttributeValue>? key)
    {
        if (key is null || key.Count != table.Key.Count || table.Key.Any(k => !key.TryGetValue(k.Name, out var value) || AttributeValues.TypeOf(value) != k.Type))
        {
            throw DynamoDbErrors.KeyDoesNotMatchSchema();
        }

        foreach (var attribute in table.Key)
        {
            RequireKeyValue(attribute, key[attribute.Name]);
        }
    }

    private static void RequireKeyValue(KeyAttributeRecord key, AttributeValue value)
    {
        var type = AttributeValues.TypeOf(value);
        if (type != key.Type)
        {
            throw DynamoDbErrors.InvalidParameter($"Type mismatch for key {key.Name} expected: {key.Type} actual: {type}");
        }

        if (value.S is "" || value.B is { Length: 0 })
        {
            throw DynamoDbErrors.Invalid($"One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty {(value.S is not null ? "string" : "binary")} value. Key: {key.Name}");
        }
    }

    private static void RequireSize(Dictionary<string, AttributeValue> item)
    {
        if (AttributeValues.Size(item) > MaxItemBytes)
        {
            throw DynamoDbErrors.Invalid("Item size has exceeded the maximum allowed size");
        }
    }

    private static Dictionary<string, AttributeValue> KeyOf(TableRecord table, Dictionary<string, AttributeValue> item) =>
        table.Key.ToDictionary(k => k.Name, k => item[k.Name], StringComparer.Ordinal);

    private static (int Index, Dictionary<string, AttributeValue> Item)? Find(TableRecord table, Dictionary<string, AttributeValue> key)
    {
        for (var i = 0; i < table.Items.Count; i++)
        {
            var item = AttributeValueJson.ReadItem(table.Items[i]);
            if (table.Key.All(k => AttributeValues.AreEqual(item[k.Name], key[k.Name])))
            {
                return (i, item);
            }
        }

        return null;
    }

    private static void Store(TableRecord table, int? index, Dictionary<string, AttributeValue> item)
    {
        var node = AttributeValueJson.ItemNode(item);
        if (index is { } at)
        {
            table.Items[at] = node;
        }
        else
        {
            table.Items.Add(node);
        }
    }

    /// <summary>Only the attributes the projection names (nested paths keep their enclosing maps).</summary>
    private static Dictionary<string, AttributeValue> Project(Dictionary<string, AttributeValue> item, IReadOnlyList<DocumentPath>? projection)
    {
        if (projection is null)
        {
            return item;
        }

        var result = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
        foreach (var path in projection)
        {
            if (path.Get(item) is not { } value)
            {
                continue;
            }

            var target = result;
            foreach (var element in path.Elements.Take(path.Elements.Count - 1).Where(e => e.Name is not null))
            {
                if (!target.TryGetValue(element.Name!, out var inner) || inner.M is null)
                {
                    inner = new AttributeValue { M = new Dictionary<string, AttributeValue>(StringComparer.Ordinal) };
                    target[element.Name!] = inner;
                }

                target = inner.M;
            }

            target[path.Elements[^1].Name ?? path.TopLevelName] = value;
        }

        return result;
    }
}
