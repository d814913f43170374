using Amazon.EC2;
using Amazon.EC2.Model;
using Microsoft.Extensions.Logging;
using OutpostServerless.Aws;
using OutpostServerless.Aws.Ec2;
using OutpostServerless.Provisioning.Errors;
using OutpostServerless.Provisioning.Tagging;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>
/// The subnet that puts instances on the Outpost: CreateSubnet with the Outpost's ARN and its
/// Availability Zone id (EC2 requires both together). Found again by tag within the VPC first, and
/// adopted when a racing attempt of the same provisioning creates it first (InvalidSubnet.Conflict).
/// </summary>
public sealed class EnsureSubnet(AwsPorts aws, ILogger<EnsureSubnet> logger) : IStep<EnsureSubnetInput, SubnetResource>
{
    public async Task<SubnetResource> RunAsync(EnsureSubnetInput input, CancellationToken cancellationToken)
    {
        var plan = input.Plan;
        var vpc = input.Vpc ?? throw new StepInputMissingException(nameof(EnsureSubnet), "vpc");

        if (await FindOursAsync(plan.ProvisioningId, vpc.VpcId, cancellationToken) is { } earlier)
        {
            logger.LogInformation("Reusing subnet {SubnetId} made earlier for {ProvisioningId}", earlier.SubnetId, plan.ProvisioningId);
            return ToResource(earlier, plan.OutpostArn, plan.AvailabilityZoneId);
        }

        var tags = ResourceTags.For(plan, nameof(EnsureSubnet), plan.ProvisioningId);
        Subnet created;
        try
        {
            created = (await aws.Ec2.CreateSubnetAsync(new CreateSubnetRequest
            {
                VpcId = vpc.VpcId,
                CidrBlock = plan.Network.SubnetCidr,
                OutpostArn = plan.OutpostArn,
                AvailabilityZoneId = plan.AvailabilityZoneId,
                TagSpecifications = [tags.ToEc2Specification(ResourceType.Subnet)],
            }, cancellationToken)).Subnet;
        }
        catch (AmazonEC2Exception e) when (e.ErrorCode == Ec2ErrorCodes.InvalidSubnetConflict)
        {
            // Made between our look and our create: ours if a racing attempt of this provisioning made it.
            var racer = await FindOursAsync(plan.ProvisioningId, vpc.VpcId, cancellationToken);
            if (racer is null)
            {
                throw;
            }

            logger.LogInformation("Adopting subnet {SubnetId} another attempt of {ProvisioningId} just made", racer.SubnetId, plan.ProvisioningId);
            return ToResource(racer, plan.OutpostArn, plan.AvailabilityZoneId);
        }

        logger.LogInformation("Created subnet {SubnetId} ({CidrBlock}) on {OutpostArn} for {ProvisioningId}",
            created.SubnetId, created.CidrBlock, plan.OutpostArn, plan.ProvisioningId);
        return ToResource(created, plan.OutpostArn, plan.AvailabilityZoneId);
    }

    private async Task<Subnet?> FindOursAsync(string provisioningId, string vpcId, CancellationToken cancellationToken) =>
        (await aws.Ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest
        {
            Filters = [ProvisioningTags.Ec2Filter(provisioningId), new Filter("vpc-id", [vpcId])],
        }, cancellationToken)).Subnets?.FirstOrDefault();

    private static SubnetResource ToResource(Subnet subnet, string outpostArn, string availabilityZoneId) => new(
        subnet.SubnetId,
        subnet.CidrBlock,
        subnet.AvailabilityZoneId ?? availabilityZoneId,
        subnet.OutpostArn ?? outpostArn);
}
