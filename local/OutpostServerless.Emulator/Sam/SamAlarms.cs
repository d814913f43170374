using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace OutpostServerless.Emulator.Sam;

/// <summary>
/// The template's single-metric <c>AWS::CloudWatch::Alarm</c>s on the metrics the emulated world publishes
/// (<c>AWS/Outposts</c>) that exist (their Condition, if any, true). Alarms on other namespaces (Lambda, SQS, Step
/// Functions) have no data locally and are not read.
/// </summary>
internal static class SamAlarms
{
    public const string EmulatedNamespace = "AWS/Outposts";

    public static IReadOnlyList<SamAlarm> Read(YamlMappingNode resources, SamValueResolver resolver, SamEnvironment environment, SamConditions conditions)
    {
        var alarms = new List<SamAlarm>();
        foreach (var (key, resource) in resources.Children)
        {
            var logicalId = ((YamlScalarNode)key).Value!;
            if (SamTemplate.Scalar(SamTemplate.Child(resource, "Type")) != SamTypes.Alarm || !conditions.Creates(resource)
                || SamTemplate.Child(resource, "Properties") is not { } node || SamTemplate.Scalar(SamTemplate.Child(node, "Namespace")) != EmulatedNamespace)
            {
                continue;
            }

            var properties = resolver.Resolve(node, $"{logicalId}.Properties")!.AsObject();
            var name = properties["AlarmName"]?.GetValue<string>() ?? logicalId;
            alarms.Add(new SamAlarm(
                logicalId,
                name,
                environment.AlarmArn(name),
                Text(properties["Namespace"]),
                Text(properties["MetricName"]),
                (properties["Dimensions"]?.AsArray() ?? []).ToDictionary(d => Text(d!["Name"]), d => Text(d!["Value"]), StringComparer.Ordinal),
                Text(properties["Statistic"]),
                int.Parse(Text(properties["Period"]), CultureInfo.InvariantCulture),
                double.Parse(Text(properties["Threshold"]), CultureInfo.InvariantCulture),
                Text(properties["ComparisonOperator"]),
                properties["AlarmDescription"]?.GetValue<string>()));
        }

        return alarms;
    }

    private static string Text(JsonNode? value) => value switch
    {
        JsonValue scalar when scalar.TryGetValue<string>(out var text) => text,
        null => "",
        _ => value.ToJsonString(),
    };
}
