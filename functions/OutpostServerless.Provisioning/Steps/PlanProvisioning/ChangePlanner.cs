using OutpostServerless.Aws.Ecs;
using OutpostServerless.Provisioning.Errors;
using OutpostServerless.Provisioning.Request;
using OutpostServerless.Provisioning.Tagging;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>
/// The field-by-field update table (README, "Updates: re-running with a changed request") as code:
/// compares the plan with what exists and says, per resource, what applying does, or refuses the
/// change. Pure: no AWS call, so it reads (and is tested) as the table.
/// </summary>
public static class ChangePlanner
{
    private const string Teardown = "tear the provisioning down and apply the request again, or apply it under a new provisioningId";

    public static ApplyPlan Plan(ProvisioningPlan plan, ProvisioningSnapshot before)
    {
        var refused = Refusals(plan, before);
        var matching = before.Instances.Count(i => LaunchConfiguration.ChangedFields(plan.Cluster, i.LaunchConfiguration).Count == 0);
        var changes = new List<ResourceChange>
        {
            Vpc(plan, before),
            Simple("subnet", before.Subnet?.SubnetId),
            SecurityGroup(plan, before),
            Egress(plan, before),
            Role(plan, before),
            Simple("instance-profile", before.InstanceProfile),
            Simple("cluster", before.Cluster?.ClusterName),
            Instances(plan, before, matching),
            TaskDefinition(before),
            plan.Workload.ServiceName is { } service ? Service(plan, before, service) : Tasks(plan, before),
        };
        return new ApplyPlan(before, new ChangeSet(changes, refused), Math.Max(0, plan.Cluster.InstanceCount - matching));
    }

    private static List<FieldError> Refusals(ProvisioningPlan plan, ProvisioningSnapshot before)
    {
        var refused = new List<FieldError>();
        if (before.Subnet is { } subnet)
        {
            if (subnet.OutpostArn != plan.OutpostArn)
            {
                refused.Add(new FieldError("outpostArn", $"is immutable: the provisioning's subnet {subnet.SubnetId} is on {subnet.OutpostArn}", $"keep {subnet.OutpostArn}, or {Teardown}"));
            }
            if (subnet.AvailabilityZoneId != plan.AvailabilityZoneId)
            {
                refused.Add(new FieldError("availabilityZoneId", $"is immutable: the provisioning's subnet {subnet.SubnetId} is in {subnet.AvailabilityZoneId}", $"keep {subnet.AvailabilityZoneId}, or {Teardown}"));
            }
            if (subnet.CidrBlock != plan.Network.SubnetCidr)
            {
                refused.Add(new FieldError("network.subnetCidr", $"is immutable: the provisioning's subnet {subnet.SubnetId} is {subnet.CidrBlock}", $"keep {subnet.CidrBlock}, or {Teardown}"));
            }
        }

        var currentVpcId = before.SecurityGroup?.VpcId;
        if (plan.Network.ExistingVpcId is { } existing && currentVpcId is not null && currentVpcId != existing)
        {
            refused.Add(new FieldError("network.vpcId", $"is immutable: the provisioning's resources are in {currentVpcId}", $"keep the VPC the provisioning uses, or {Teardown}"));
        }
        else if (plan.Network.ExistingVpcId is null && currentVpcId is not null && before.Vpc?.VpcId != currentVpcId)
        {
            refused.Add(new FieldError("network.vpcId", $"is immutable: the provisioning's resources are in the existing VPC {currentVpcId}", $"set network.vpcId to {currentVpcId}, or {Teardown}"));
        }
        else if (plan.Network.VpcCidr is { } cidr && before.Vpc is { } vpc && plan.Network.ExistingVpcId is null && vpc.CidrBlock != cidr)
        {
            refused.Add(new FieldError("network.vpcCidr", $"is immutable: the provisioning's VPC {vpc.VpcId} is {vpc.CidrBlock}", $"keep {vpc.CidrBlock}, or {Teardown}"));
        }

        foreach (var profile in before.Instances.Select(i => i.InstanceProfileName).OfType<string>().Distinct().Where(p => p != plan.Iam.InstanceProfileName))
        {
            refused.Add(new FieldError("iam.roleName", $"cannot be renamed: the provisioning's instances run with role {profile}", $"keep {profile}, or {Teardown}"));
        }
        foreach (var cluster in before.Instances.Select(i => i.ClusterName).OfType<string>().Distinct().Where(c => c != plan.Cluster.Name))
        {
            refused.Add(new FieldError("cluster.name", $"cannot be renamed: the provisioning's instances are in cluster {cluster}", $"keep {cluster}, or {Teardown}"));
        }

        if (before.Cluster?.Tags.GetValueOrDefault(ProvisioningTags.WorkloadKey) is { } madeFor
            && madeFor != ProvisioningTags.WorkloadTagValue(plan.Workload))
        {
            var wasService = madeFor.StartsWith("service:", StringComparison.Ordinal);
            refused.Add(wasService == (plan.Workload.ServiceName is not null)
                ? new FieldError("workload.serviceName", $"cannot be renamed: the provisioning runs service {madeFor["service:".Length..]}", $"keep {madeFor["service:".Length..]}, or {Teardown}")
                : new FieldError("workload.mode", $"cannot switch between service and task: the provisioning runs {(wasService ? "a service" : "tasks")}", $"keep workload.mode {(wasService ? "service" : "task")}, or {Teardown}"));
        }

        return refused;
    }

    private static ResourceChange Vpc(ProvisioningPlan plan, ProvisioningSnapshot before) =>
        before.Vpc is { } vpc
            ? new ResourceChange("vpc", vpc.VpcId, ChangeAction.NoOp, [])
            : new ResourceChange("vpc", plan.Network.ExistingVpcId, plan.Network.ExistingVpcId is null ? ChangeAction.Create : ChangeAction.NoOp, []);

    /// <summary>An existing VPC's way out is only checked, never made, so it is always a no-op.</summary>
    private static ResourceChange Egress(ProvisioningPlan plan, ProvisioningSnapshot before) =>
        plan.Network.Egress.Mode == EgressMode.Existing
            ? new("egress", null, ChangeAction.NoOp, [])
            : Simple("egress", before.EgressRouteTable);

    private static ResourceChange Simple(string resource, string? id) =>
        new(resource, id, id is null ? ChangeAction.Create : ChangeAction.NoOp, []);

    private static ResourceChange SecurityGroup(ProvisioningPlan plan, ProvisioningSnapshot before)
    {
        if (before.SecurityGroup is not { } group)
        {
            return new ResourceChange("security-group", null, ChangeAction.Create, []);
        }

        return IngressDiff.Of(plan.Network.Ingress, group.Ingress).IsEmpty
            ? new ResourceChange("security-group", group.GroupId, ChangeAction.NoOp, [])
            : new ResourceChange("security-group", group.GroupId, ChangeAction.Update, ["network.ingress"]);
    }

    private static ResourceChange Role(ProvisioningPlan plan, ProvisioningSnapshot before)
    {
        if (before.Role is not { } role)
        {
            return new ResourceChange("iam-role", null, ChangeAction.Create, []);
        }

        return role.ManagedPolicyArns.ToHashSet(StringComparer.Ordinal).SetEquals(plan.Iam.ManagedPolicyArns)
            ? new ResourceChange("iam-role", role.RoleName, ChangeAction.NoOp, [])
            : new ResourceChange("iam-role", role.RoleName, ChangeAction.Update, ["iam.managedPolicyArns"]);
    }

    private static ResourceChange Instances(ProvisioningPlan plan, ProvisioningSnapshot before, int matching)
    {
        var ids = before.Instances.Count == 0 ? null : string.Join(",", before.Instances.Select(i => i.InstanceId));
        if (before.Instances.Count == 0)
        {
            return new ResourceChange("container-instances", null, ChangeAction.Create, []);
        }

        var changed = before.Instances
            .SelectMany(i => LaunchConfiguration.ChangedFields(plan.Cluster, i.LaunchConfiguration))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (changed.Count > 0)
        {
            if (before.Instances.Count != plan.Cluster.InstanceCount)
            {
                changed.Add("cluster.instanceCount");
            }
            return new ResourceChange("container-instances", ids, ChangeAction.Replace, changed);
        }

        return matching == plan.Cluster.InstanceCount
            ? new ResourceChange("container-instances", ids, ChangeAction.NoOp, [])
            : new ResourceChange("container-instances", ids, ChangeAction.Update, ["cluster.instanceCount"]);
    }

    private static ResourceChange TaskDefinition(ProvisioningSnapshot before)
    {
        if (before.MatchingTaskDefinition is { } matching)
        {
            return new ResourceChange("task-definition", matching.TaskDefinitionArn, ChangeAction.NoOp, []);
        }

        // Revisions are immutable: a changed definition is a new revision of the family.
        var current = before.Service?.TaskDefinitionArn ?? (before.Tasks.Count > 0 ? before.Tasks[0].TaskDefinitionArn : null);
        return current is null
            ? new ResourceChange("task-definition", null, ChangeAction.Create, [])
            : new ResourceChange("task-definition", current, ChangeAction.Update, ["workload.taskDefinition"]);
    }

    private static ResourceChange Service(ProvisioningPlan plan, ProvisioningSnapshot before, string serviceName)
    {
        if (before.Service is not { } service)
        {
            return new ResourceChange("service", null, ChangeAction.Create, []);
        }

        var fields = new List<string>();
        if (before.MatchingTaskDefinition?.TaskDefinitionArn != service.TaskDefinitionArn)
        {
            fields.Add("workload.taskDefinition");
        }
        if (service.DesiredCount != plan.Workload.DesiredCount)
        {
            fields.Add("workload.desiredCount");
        }
        return new ResourceChange("service", service.ServiceArn, fields.Count == 0 ? ChangeAction.NoOp : ChangeAction.Update, fields);
    }

    /// <summary>
    /// Task mode: the tasks of the request's revision that ECS still knows count as run, finished or
    /// not, so an unchanged re-run runs nothing; a new revision runs desiredCount new tasks.
    /// </summary>
    private static ResourceChange Tasks(ProvisioningPlan plan, ProvisioningSnapshot before)
    {
        var plannedCount = TaskPlan.Of(plan.Workload.DesiredCount, before.MatchingTaskDefinition?.TaskDefinitionArn, before.Tasks);
        if (before.Tasks.Count == 0)
        {
            return new ResourceChange("tasks", null, ChangeAction.Create, []);
        }

        var ids = string.Join(",", before.Tasks.Where(t => t.DesiredStatus == EcsTaskStatus.Running).Select(t => t.TaskArn));
        if (before.MatchingTaskDefinition is null || !before.Tasks.Any(t => t.TaskDefinitionArn == before.MatchingTaskDefinition.TaskDefinitionArn))
        {
            return new ResourceChange("tasks", ids.Length == 0 ? null : ids, ChangeAction.Replace, ["workload.taskDefinition"]);
        }

        return plannedCount.ToRun == 0 && plannedCount.ToStop.Count == 0
            ? new ResourceChange("tasks", ids.Length == 0 ? null : ids, ChangeAction.NoOp, [])
            : new ResourceChange("tasks", ids.Length == 0 ? null : ids, ChangeAction.Update, ["workload.desiredCount"]);
    }
}
