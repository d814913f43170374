using Amazon.EC2;
using Amazon.EC2.Model;
using Microsoft.Extensions.Logging;
using OutpostServerless.Aws;
using OutpostServerless.Aws.Ec2;
using OutpostServerless.Provisioning.Errors;
using OutpostServerless.Provisioning.Tagging;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>
/// Launches the container instances into the Outpost subnet. It counts the instances this
/// provisioning already has with the request's launch settings (pending or running, by tag) and
/// launches only the missing ones, with a client token derived from the execution and that count,
/// so neither a retry nor a lost response makes extras. Extra or outdated instances are left to
/// RetireContainerInstances, after the workload has moved.
/// A profile IAM has not propagated to EC2 yet is reported as <see cref="InstanceProfileNotPropagatedException"/>.
/// InsufficientInstanceCapacity is deliberately not caught: the state machine sends it back to the
/// capacity gate under its AWS name.
/// </summary>
public sealed class LaunchContainerInstances(AwsPorts aws, ILogger<LaunchContainerInstances> logger)
    : IStep<LaunchContainerInstancesInput, InstancesResource>
{
    private const int ClientTokenMaxLength = 64;

    public async Task<InstancesResource> RunAsync(LaunchContainerInstancesInput input, CancellationToken cancellationToken)
    {
        var plan = input.Plan;
        var resources = input.Resources;
        var subnet = resources?.Subnet ?? throw Missing("resources.subnet");
        var securityGroup = resources.SecurityGroup ?? throw Missing("resources.securityGroup");
        var instanceRole = resources.InstanceRole ?? throw Missing("resources.instanceRole");
        var clusterName = resources.Cluster?.ClusterName ?? plan.Cluster.Name;

        // Only instances launched with the request's settings count; the others are replaced (new ones
        // launched here, the old ones retired once the workload has moved).
        var launchConfiguration = LaunchConfiguration.TagValue(plan.Cluster);
        var existing = (await LiveInstances.FindAsync(aws.Ec2, [ProvisioningTags.Ec2Filter(plan.ProvisioningId)], cancellationToken))
            .Where(i => i.Tags?.Any(t => t.Key == LaunchConfiguration.TagKey && t.Value == launchConfiguration) ?? false)
            .OrderBy(i => i.InstanceId, StringComparer.Ordinal)
            .ToList();
        var missing = plan.Cluster.InstanceCount - existing.Count;
        if (missing <= 0)
        {
            logger.LogInformation("{ProvisioningId} already has {Count} container instances; launching none", plan.ProvisioningId, existing.Count);
            var kept = existing.Take(plan.Cluster.InstanceCount).ToList();
            return new InstancesResource([.. kept.Select(i => i.InstanceId)], kept[0].ImageId);
        }

        var imageId = plan.Cluster.AmiId ?? await ResolveEcsOptimizedAmiAsync(plan.Cluster.InstanceType, cancellationToken);
        var tags = ResourceTags.For(plan, nameof(LaunchContainerInstances), $"{plan.ProvisioningId}-ecs") with
        {
            Extra = [new(LaunchConfiguration.TagKey, launchConfiguration), new(ProvisioningTags.ClusterKey, clusterName)],
        };
        var request = new RunInstancesRequest
        {
            MinCount = missing,
            MaxCount = missing,
            InstanceType = InstanceType.FindValue(plan.Cluster.InstanceType),
            ImageId = imageId,
            SubnetId = subnet.SubnetId,
            SecurityGroupIds = [securityGroup.GroupId],
            IamInstanceProfile = new IamInstanceProfileSpecification { Name = instanceRole.InstanceProfileName },
            KeyName = plan.Cluster.KeyName,
            UserData = ContainerInstanceUserData.Base64(clusterName, plan.Cluster.ImagePullBehavior, plan.Cluster.ContainerInstanceTags),
            ClientToken = ClientToken.For(plan.ExecutionId, "launch", existing.Count, ClientTokenMaxLength),
            TagSpecifications =
            [
                tags.ToEc2Specification(ResourceType.Instance),
                tags.ToEc2Specification(ResourceType.Volume),
            ],
        };
        List<Instance> launched;
        try
        {
            launched = (await aws.Ec2.RunInstancesAsync(request, cancellationToken)).Reservation.Instances ?? [];
        }
        catch (AmazonEC2Exception e) when (e.ErrorCode == Ec2ErrorCodes.InvalidParameterValue
            && e.Message.Contains("parameter iamInstanceProfile.name is invalid", StringComparison.Ordinal))
        {
            throw new InstanceProfileNotPropagatedException(instanceRole.InstanceProfileName, e);
        }

        logger.LogInformation("Launched {Count} {InstanceType} instances ({InstanceIds}) for {ProvisioningId}",
            launched.Count, plan.Cluster.InstanceType, string.Join(",", launched.Select(i => i.InstanceId)), plan.ProvisioningId);

        return new InstancesResource(
            [.. existing.Concat(launched).Select(i => i.InstanceId).Distinct().Order(StringComparer.Ordinal)],
            imageId);
    }

    private async Task<string> ResolveEcsOptimizedAmiAsync(string instanceType, CancellationToken cancellationToken)
    {
        var parameter = EcsOptimizedAmi.ParameterFor(instanceType);
        var imageId = (await aws.Ssm.GetParameterAsync(new Amazon.SimpleSystemsManagement.Model.GetParameterRequest { Name = parameter }, cancellationToken)).Parameter.Value;
        logger.LogInformation("Resolved ECS-optimized AMI {ImageId} from {Parameter}", imageId, parameter);
        return imageId;
    }

    private static StepInputMissingException Missing(string member) => new(nameof(LaunchContainerInstances), member);
}
