using System.Text.Json.Nodes;
using OutpostServerless.Emulator.Sam;

namespace OutpostServerless.Local.Workflow;

/// <summary>
/// Requests of several teams sharing one Outpost: the web-service example under the team's own provisioning id and
/// names (cluster, instance role, service, task family, subnet), so only the Outpost's capacity is shared.
/// </summary>
public static class TenantRequests
{
    /// <param name="index">0 to 249: picks the tenant's own /24 in the example's VPC range.</param>
    public static JsonObject WebService(SamTemplate template, string provisioningId, int instanceCount, int index, int? maxWaitSeconds = null)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, 249);
        var request = JsonNode.Parse(File.ReadAllText(Path.Combine(template.Directory, "statemachine", "examples", "web-service.json")))!.AsObject();
        request["provisioningId"] = provisioningId;
        request["network"]!["subnetCidr"] = $"10.0.{index + 3}.0/24";
        request["network"]!["ingress"] = new JsonArray();
        request["iam"]!["roleName"] = $"{provisioningId}-instance";
        request["cluster"]!["name"] = provisioningId;
        request["cluster"]!["instanceCount"] = instanceCount;
        request["workload"]!["serviceName"] = provisioningId;
        request["workload"]!["desiredCount"] = 1;
        request["workload"]!["taskDefinition"]!["family"] = provisioningId;
        if (maxWaitSeconds is { } wait)
        {
            request["capacityWait"] = new JsonObject { ["maxSeconds"] = wait, ["pollSeconds"] = 60 };
        }

        return request;
    }
}
