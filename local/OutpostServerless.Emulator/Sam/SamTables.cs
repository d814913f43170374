using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using YamlDotNet.RepresentationModel;

namespace OutpostServerless.Emulator.Sam;

/// <summary>The template's <c>AWS::DynamoDB::Table</c> resources, as the CreateTable calls CloudFormation makes for them.</summary>
internal static class SamTables
{
    public static IReadOnlyList<CreateTableRequest> Read(YamlMappingNode resources, SamValueResolver resolver)
    {
        var tables = new List<CreateTableRequest>();
        foreach (var (key, value) in resources.Children)
        {
            var logicalId = ((YamlScalarNode)key).Value!;
            if (value is not YamlMappingNode resource
                || !resource.Children.TryGetValue(new YamlScalarNode("Type"), out var type) || (type as YamlScalarNode)?.Value != SamTypes.Table)
            {
                continue;
            }

            var properties = resource.Children.TryGetValue(new YamlScalarNode("Properties"), out var p) ? p : new YamlMappingNode();
            var json = resolver.Resolve(properties, $"{logicalId}.Properties")!.AsObject();
            tables.Add(new CreateTableRequest
            {
                TableName = json["TableName"]?.GetValue<string>() ?? logicalId,
                BillingMode = new BillingMode(json["BillingMode"]?.GetValue<string>() ?? BillingMode.PROVISIONED.Value),
                AttributeDefinitions = [.. (json["AttributeDefinitions"]?.AsArray() ?? []).Select(d => new AttributeDefinition(d!["AttributeName"]!.GetValue<string>(), new ScalarAttributeType(d["AttributeType"]!.GetValue<string>())))],
                KeySchema = [.. (json["KeySchema"]?.AsArray() ?? []).Select(k => new KeySchemaElement(k!["AttributeName"]!.GetValue<string>(), new KeyType(k["KeyType"]!.GetValue<string>())))],
                ProvisionedThroughput = json["ProvisionedThroughput"] is { } throughput
                    ? new ProvisionedThroughput(throughput["ReadCapacityUnits"]!.GetValue<long>(), throughput["WriteCapacityUnits"]!.GetValue<long>())
                    : null,
            });
        }

        return tables;
    }
}
