using System.Text.Json.Nodes;
using OutpostServerless.Provisioning.Request;

namespace OutpostServerless.Cli.Chaos;

/// <summary>
/// What a provisioning must own when it has succeeded, by resource type (the types of
/// <see cref="Emulator.EmulatedResource"/>): one of each network (egress included), IAM and ECS piece, instanceCount
/// instances, and the service or desiredCount tasks.
/// </summary>
public sealed record ExpectedInventory(IReadOnlyDictionary<string, int> Counts)
{
    public static ExpectedInventory For(ProvisioningPlan plan)
    {
        var service = plan.Workload.Mode == "service";
        var egress = plan.Network.Egress.Mode;
        return new ExpectedInventory(new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["vpc"] = plan.Network.ExistingVpcId is null ? 1 : 0,
            ["subnet"] = 1,
            // Made egress: the subnet's route table, and the gateway piece of the mode (an existing VPC's own gateway is reused).
            ["route-table"] = egress == EgressMode.Existing ? 0 : 1,
            ["internet-gateway"] = egress == EgressMode.InternetGateway && plan.Network.ExistingVpcId is null ? 1 : 0,
            ["local-gateway-route-table-vpc-association"] = egress == EgressMode.LocalGateway ? 1 : 0,
            ["security-group"] = 1,
            ["role"] = 1,
            ["instance-profile"] = 1,
            ["cluster"] = 1,
            ["instance"] = plan.Cluster.InstanceCount,
            ["task-definition"] = 1,
            ["service"] = service ? 1 : 0,
            ["task"] = service ? 0 : plan.Workload.DesiredCount,
        });
    }

    /// <summary>The inventory of a valid request, as ValidateRequest would plan it.</summary>
    public static ExpectedInventory For(JsonNode request, string executionName)
    {
        var validation = new RequestValidator().Validate(request, executionName);
        return validation.IsValid
            ? For(validation.Plan)
            : throw new ArgumentException($"The request is invalid: {validation.Errors[0]}", nameof(request));
    }

    public int Of(string type) => Counts.GetValueOrDefault(type);
}
