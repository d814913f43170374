using System.Text.Json.Nodes;

namespace OutpostServerless.Provisioning.Request;

/// <summary>
/// Fills in the defaults and derives the names of a request that passed validation. Every name a
/// later step uses is settled here, once.
/// </summary>
internal static class PlanBuilder
{
    public static ProvisioningPlan Build(ProvisioningRequest request, string provisioningId, string? executionName, int defaultCapacityWaitSeconds)
    {
        var outpost = OutpostArn.TryParse(request.OutpostArn!, out var arn, out _)
            ? arn
            : throw new InvalidOperationException("Plans are built from validated requests only.");
        var network = request.Network!;
        var cluster = request.Cluster!;
        var workload = request.Workload!;
        var roleName = request.Iam?.RoleName ?? ResourceNames.InstanceRoleName(provisioningId);
        var taskDefinition = TaskDefinition(workload.TaskDefinition!);
        var family = taskDefinition["family"]!.GetValue<string>();
        var mode = workload.Mode!;
        return new ProvisioningPlan
        {
            ProvisioningId = provisioningId,
            ExecutionId = executionName ?? provisioningId,
            OutpostArn = outpost.ToString(),
            OutpostId = outpost.OutpostId,
            Region = outpost.Region,
            AccountId = outpost.AccountId,
            AvailabilityZoneId = request.AvailabilityZoneId!,
            Network = new NetworkPlan
            {
                ExistingVpcId = network.VpcId,
                VpcCidr = network.VpcId is null ? Canonical(network.VpcCidr!) : null,
                SubnetCidr = Canonical(network.SubnetCidr!),
                SecurityGroupName = ResourceNames.SecurityGroupName(provisioningId),
                Ingress = (network.Ingress ?? []).Select(Ingress).ToList(),
                Egress = Egress(network),
            },
            Iam = new IamPlan
            {
                RoleName = roleName,
                InstanceProfileName = roleName,
                ManagedPolicyArns = new[] { ManagedPolicyArn.EcsInstancePolicy(outpost.Partition) }
                    .Concat(request.Iam?.ManagedPolicyArns ?? [])
                    .Distinct(StringComparer.Ordinal)
                    .ToList(),
            },
            Cluster = new ClusterPlan
            {
                Name = cluster.Name ?? provisioningId,
                InstanceType = cluster.InstanceType!,
                InstanceCount = cluster.InstanceCount!.Value,
                AmiId = cluster.AmiId,
                KeyName = cluster.KeyName,
                ImagePullBehavior = cluster.ImagePullBehavior ?? RequestDefaults.ImagePullBehavior,
                ContainerInstanceTags = new Dictionary<string, string>(cluster.ContainerInstanceTags ?? new Dictionary<string, string>(), StringComparer.Ordinal),
            },
            Workload = new WorkloadPlan
            {
                Mode = mode,
                TaskDefinition = taskDefinition,
                Family = family,
                DesiredCount = workload.DesiredCount ?? RequestDefaults.DesiredCount,
                ServiceName = mode == "service" ? workload.ServiceName ?? family : null,
            },
            CapacityWait = new CapacityWaitPlan(
                request.CapacityWait?.MaxSeconds ?? defaultCapacityWaitSeconds,
                request.CapacityWait?.PollSeconds ?? RequestDefaults.CapacityWaitPollSeconds),
            RollbackOnFailure = (request.OnFailure ?? RequestDefaults.OnFailure) == "rollback",
        };
    }

    /// <summary>A new VPC gets an internet gateway unless told otherwise; an existing VPC's routing is checked, not changed.</summary>
    private static EgressPlan Egress(NetworkRequest network)
    {
        var mode = network.Egress?.Mode switch
        {
            "internet-gateway" => EgressMode.InternetGateway,
            "local-gateway" => EgressMode.LocalGateway,
            "existing" => EgressMode.Existing,
            _ => network.VpcId is null ? EgressMode.InternetGateway : EgressMode.Existing,
        };
        return new EgressPlan(mode, network.Egress?.LocalGatewayId, network.Egress?.CustomerOwnedIpv4Pool);
    }

    /// <summary>The EC2 form of a rule: tcp/udp toPort defaults to fromPort, icmp to all types/codes, -1 has no ports.</summary>
    private static IngressRulePlan Ingress(IngressRule rule)
    {
        var protocol = rule.Protocol!;
        var (from, to) = protocol switch
        {
            "-1" => (-1, -1),
            "icmp" => (rule.FromPort ?? -1, rule.ToPort ?? -1),
            _ => (rule.FromPort!.Value, rule.ToPort ?? rule.FromPort!.Value),
        };
        return new IngressRulePlan(protocol, from, to, Canonical(rule.Cidr!), rule.Description);
    }

    /// <summary>A copy of the task definition with EC2 compatibility settled (the request's own object is left alone).</summary>
    private static JsonObject TaskDefinition(JsonObject requested)
    {
        var copy = requested.DeepClone().AsObject();
        if (!copy.ContainsKey("requiresCompatibilities"))
        {
            copy["requiresCompatibilities"] = new JsonArray(RequestDefaults.Compatibility);
        }

        return copy;
    }

    private static string Canonical(string cidr) =>
        Cidr.TryParseAny(cidr, out var parsed, out _) ? parsed.ToString() : cidr;
}
