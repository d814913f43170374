using System.Text.Json.Nodes;

namespace OutpostServerless.Provisioning.Request;

/// <summary>The request being validated, with its parts looked up once (null when absent or of the wrong type).</summary>
internal sealed class RequestDocument
{
    public RequestDocument(JsonObject root, string? executionName)
    {
        Root = root;
        ExecutionName = executionName;
        Network = JsonMember.Object(root, "network");
        Iam = JsonMember.Object(root, "iam");
        Cluster = JsonMember.Object(root, "cluster");
        Workload = JsonMember.Object(root, "workload");
        TaskDefinition = JsonMember.Object(Workload, "taskDefinition");
        Outpost = JsonMember.String(root, "outpostArn") is { } arn && OutpostArn.TryParse(arn, out var parsed, out _) ? parsed : null;
    }

    public JsonObject Root { get; }
    public string? ExecutionName { get; }
    public JsonObject? Network { get; }
    public JsonObject? Iam { get; }
    public JsonObject? Cluster { get; }
    public JsonObject? Workload { get; }
    public JsonObject? TaskDefinition { get; }

    /// <summary>The parsed Outpost ARN, when it is well formed.</summary>
    public OutpostArn? Outpost { get; }

    public static FieldPath NetworkPath { get; } = FieldPath.Root.Member("network");
    public static FieldPath IamPath { get; } = FieldPath.Root.Member("iam");
    public static FieldPath ClusterPath { get; } = FieldPath.Root.Member("cluster");
    public static FieldPath WorkloadPath { get; } = FieldPath.Root.Member("workload");
    public static FieldPath TaskDefinitionPath { get; } = WorkloadPath.Member("taskDefinition");
}
