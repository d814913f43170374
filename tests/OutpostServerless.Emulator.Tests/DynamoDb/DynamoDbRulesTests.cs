using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Xunit;

namespace OutpostServerless.Emulator.Tests.DynamoDb;

/// <summary>
/// DynamoDB's rules where a kinder emulator would let a bug through (Developer Guide and API Reference
/// wording): tables are usable only once ACTIVE, expressions refuse unused or undefined placeholders,
/// reserved words and key updates, and a failed condition changes nothing.
/// </summary>
public sealed class DynamoDbRulesTests
{
    private readonly TestWorld _world = new();

    private Task<CreateTableResponse> TableAsync(string name = "records") => _world.Aws.DynamoDb.CreateTableAsync(new CreateTableRequest
    {
        TableName = name,
        BillingMode = BillingMode.PAY_PER_REQUEST,
        AttributeDefinitions = [new AttributeDefinition("id", ScalarAttributeType.S)],
        KeySchema = [new KeySchemaElement("id", KeyType.HASH)],
    });

    private static Dictionary<string, AttributeValue> Item(string id, params (string Name, string Value)[] attributes)
    {
        var item = new Dictionary<string, AttributeValue> { ["id"] = new AttributeValue { S = id } };
        foreach (var (name, value) in attributes)
        {
            item[name] = new AttributeValue { S = value };
        }

        return item;
    }

    private async Task<AmazonDynamoDBException> RefusedAsync(Func<Task> call)
    {
        var error = await Assert.ThrowsAnyAsync<AmazonDynamoDBException>(call);
        Assert.Equal("ValidationException", error.ErrorCode);
        return error;
    }

    [Fact]
    public async Task A_new_table_is_creating_and_refuses_items_until_it_is_active()
    {
        var created = await TableAsync();
        Assert.Equal(TableStatus.CREATING, created.TableDescription.TableStatus);

        await Assert.ThrowsAsync<ResourceNotFoundException>(() => _world.Aws.DynamoDb.PutItemAsync(new PutItemRequest { TableName = "records", Item = Item("a") }));
        _world.Advance(_world.Cloud.Options.Timings.TableCreation);

        await _world.Aws.DynamoDb.PutItemAsync(new PutItemRequest { TableName = "records", Item = Item("a") });
        Assert.Equal(TableStatus.ACTIVE, (await _world.Aws.DynamoDb.DescribeTableAsync(new DescribeTableRequest { TableName = "records" })).Table.TableStatus);
    }

    [Fact]
    public async Task A_deployed_table_is_active_at_once_and_its_creation_is_not_an_api_call()
    {
        _world.Cloud.DeployTable(new CreateTableRequest
        {
            TableName = "records",
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = [new AttributeDefinition("id", ScalarAttributeType.S)],
            KeySchema = [new KeySchemaElement("id", KeyType.HASH)],
        });

        await _world.Aws.DynamoDb.PutItemAsync(new PutItemRequest { TableName = "records", Item = Item("a") });
        Assert.Equal(0, _world.Cloud.Calls.Count("dynamodb:CreateTable"));
    }

    [Fact]
    public async Task An_expression_attribute_value_no_expression_uses_is_refused()
    {
        await TableAsync();
        _world.Advance(_world.Cloud.Options.Timings.TableCreation);

        var error = await RefusedAsync(() => _world.Aws.DynamoDb.PutItemAsync(new PutItemRequest
        {
            TableName = "records",
            Item = Item("a"),
            ConditionExpression = "attribute_not_exists(id)",
            ExpressionAttributeValues = new() { [":never"] = new AttributeValue { S = "x" } },
        }));

        Assert.Equal("Value provided in ExpressionAttributeValues unused in expressions: keys: {:never}", error.Message);
    }

    [Theory]
    [InlineData("attribute_exists(#missing)", "Invalid ConditionExpression: An expression attribute name used in the document path is not defined; attribute name: #missing")]
    [InlineData("id = :missing", "Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :missing")]
    [InlineData("attribute_exists(status)", "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: status")]
    [InlineData("id = = id", "Invalid ConditionExpression: Syntax error; token: \"=\", near: \"id = = id\"")]
    public async Task A_malformed_condition_is_refused_in_dynamodbs_words(string condition, string message)
    {
        await TableAsync();
        _world.Advance(_world.Cloud.Options.Timings.TableCreation);

        var error = await RefusedAsync(() => _world.Aws.DynamoDb.PutItemAsync(new PutItemRequest { TableName = "records", Item = Item("a"), ConditionExpression = condition }));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public async Task An_update_may_not_change_the_key_nor_touch_one_path_twice()
    {
        await TableAsync();
        _world.Advance(_world.Cloud.Options.Timings.TableCreation);
        var names = new Dictionary<string, string> { ["#id"] = "id" };
        var value = new Dictionary<string, AttributeValue> { [":v"] = new() { S = "b" } };

        var key = await RefusedAsync(() => _world.Aws.DynamoDb.UpdateItemAsync(new UpdateItemRequest { TableName = "records", Key = Item("a"), UpdateExpression = "SET #id = :v", ExpressionAttributeNames = names, ExpressionAttributeValues = value }));
        var twice = await RefusedAsync(() => _world.Aws.DynamoDb.UpdateItemAsync(new UpdateItemRequest { TableName = "records", Key = Item("a"), UpdateExpression = "SET note = :v REMOVE note" , ExpressionAttributeValues = value }));

        Assert.Equal("One or more parameter values were invalid: Cannot update attribute id. This attribute is part of the key", key.Message);
        Assert.StartsWith("Invalid UpdateExpression: Two document paths overlap with each other", twice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_condition_changes_nothing_and_can_return_the_item_as_it_is()
    {
        await TableAsync();
        _world.Advance(_world.Cloud.Options.Timings.TableCreation);
        await _world.Aws.DynamoDb.PutItemAsync(new PutItemRequest { TableName = "records", Item = Item("a", ("holder", "first")) });

        var failed = await Assert.ThrowsAsync<ConditionalCheckFailedException>(() => _world.Aws.DynamoDb.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = "records",
            Key = Item("a"),
            UpdateExpression = "SET holder = :me",
            ConditionExpression = "attribute_not_exists(holder)",
            ExpressionAttributeValues = new() { [":me"] = new() { S = "second" } },
            ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
        }));

        Assert.Equal(("The conditional request failed", "first"), (failed.Message, failed.Item["holder"].S));
        var item = (await _world.Aws.DynamoDb.GetItemAsync(new GetItemRequest { TableName = "records", Key = Item("a") })).Item;
        Assert.Equal("first", item["holder"].S);
    }

    [Fact]
    public async Task Items_survive_a_save_and_load_of_the_world()
    {
        await TableAsync();
        _world.Advance(_world.Cloud.Options.Timings.TableCreation);
        await _world.Aws.DynamoDb.PutItemAsync(new PutItemRequest { TableName = "records", Item = Item("a", ("holder", "first")) });

        var json = _world.Cloud.SaveState();
        var loaded = EmulatedCloud.LoadState(json, _world.Clock);

        var item = (await loaded.Ports.DynamoDb.GetItemAsync(new GetItemRequest { TableName = "records", Key = Item("a") })).Item;
        Assert.Equal("first", item["holder"].S);
    }
}
