using Xunit;
using static OutpostServerless.Emulator.Tests.Wire.CliJson;

namespace OutpostServerless.Emulator.Tests.Wire;

/// <summary>Every DynamoDB operation the workflow's records use, driven by the real AWS CLI (v1 and v2) over awsJson1_0.</summary>
public sealed class AwsCliDynamoDbTests
{
    private const string Key = """{"pk":{"S":"p-1"}}""";

    [Theory]
    [InlineData(AwsCliVersion.V1)]
    [InlineData(AwsCliVersion.V2)]
    public async Task A_table_is_made_and_its_items_written_conditionally_updated_queried_and_deleted_through_the_cli(AwsCliVersion version)
    {
        await using var session = await CliSession.StartAsync(version);
        var aws = session.Aws;
        var created = (await aws.JsonAsync("dynamodb", "create-table", "--table-name", "Provisionings", "--billing-mode", "PAY_PER_REQUEST",
            "--attribute-definitions", "AttributeName=pk,AttributeType=S", "--key-schema", "AttributeName=pk,KeyType=HASH"))["TableDescription"]!;
        Assert.Equal(("CREATING", "arn:aws:dynamodb:us-west-2:123456789012:table/Provisionings"), (Text(created["TableStatus"]), Text(created["TableArn"])));
        Assert.Equal(TestWorld.Start, Time(created["CreationDateTime"]));
        session.World.Advance(session.World.Cloud.Options.Timings.TableCreation);
        var described = (await aws.JsonAsync("dynamodb", "describe-table", "--table-name", "Provisionings"))["Table"]!;
        Assert.Equal(("ACTIVE", "PAY_PER_REQUEST"), (Text(described["TableStatus"]), Text(described["BillingModeSummary"]!["BillingMode"])));

        await aws.SucceedsAsync("dynamodb", "put-item", "--table-name", "Provisionings", "--item", """{"pk":{"S":"p-1"},"owner":{"S":"exec-1"},"generation":{"N":"1"}}""",
            "--condition-expression", "attribute_not_exists(pk)");
        var refused = await aws.RunAsync("dynamodb", "put-item", "--table-name", "Provisionings", "--item", """{"pk":{"S":"p-1"},"owner":{"S":"exec-2"}}""",
            "--condition-expression", "attribute_not_exists(pk)");
        Assert.Contains("(ConditionalCheckFailedException)", refused.Error, StringComparison.Ordinal);
        Assert.Contains("The conditional request failed", refused.Error, StringComparison.Ordinal);

        var updated = (await aws.JsonAsync("dynamodb", "update-item", "--table-name", "Provisionings", "--key", Key,
            "--update-expression", "SET #g = #g + :one, #o = :next", "--condition-expression", "#o = :current",
            "--expression-attribute-names", """{"#g":"generation","#o":"owner"}""",
            "--expression-attribute-values", """{":one":{"N":"1"},":next":{"S":"exec-2"},":current":{"S":"exec-1"}}""",
            "--return-values", "ALL_NEW"))["Attributes"]!;
        Assert.Equal(("2", "exec-2"), (Text(updated["generation"]!["N"]), Text(updated["owner"]!["S"])));
        var item = (await aws.JsonAsync("dynamodb", "get-item", "--table-name", "Provisionings", "--key", Key, "--consistent-read"))["Item"]!;
        Assert.Equal("exec-2", Text(item["owner"]!["S"]));

        var query = await aws.JsonAsync("dynamodb", "query", "--table-name", "Provisionings", "--key-condition-expression", "pk = :p",
            "--expression-attribute-values", """{":p":{"S":"p-1"}}""");
        Assert.Equal(1, query["Count"]!.GetValue<int>());

        await aws.SucceedsAsync("dynamodb", "delete-item", "--table-name", "Provisionings", "--key", Key);
        // An absent item is an empty answer (CLI v1 prints nothing for it, v2 prints {}).
        var gone = await aws.RunAsync("dynamodb", "get-item", "--table-name", "Provisionings", "--key", Key);
        Assert.DoesNotContain("Item", gone.Output, StringComparison.Ordinal);

        var missing = await aws.RunAsync("dynamodb", "get-item", "--table-name", "Absent", "--key", Key);
        Assert.Contains("(ResourceNotFoundException)", missing.Error, StringComparison.Ordinal);
        var invalid = await aws.RunAsync("dynamodb", "get-item", "--table-name", "Provisionings", "--key", """{"other":{"S":"x"}}""");
        Assert.Contains("(ValidationException)", invalid.Error, StringComparison.Ordinal);
        Assert.Contains("The provided key element does not match the schema", invalid.Error, StringComparison.Ordinal);
        Assert.Equal(1, session.World.Cloud.Calls.Count("dynamodb:DeleteItem"));
    }
}
