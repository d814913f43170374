using Amazon.EC2;
using Amazon.EC2.Model;
using Microsoft.Extensions.Logging;
using OutpostServerless.Aws;
using OutpostServerless.Aws.Ec2;
using OutpostServerless.Provisioning.Errors;
using OutpostServerless.Provisioning.Tagging;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>
/// The VPC the Outpost subnet extends: the request's existing VPC (confirmed, never modified) or one
/// this provisioning created, found again by its provisioning-id tag before anything is created.
/// </summary>
public sealed class EnsureVpc(AwsPorts aws, ILogger<EnsureVpc> logger) : IStep<EnsureVpcInput, VpcResource>
{
    public async Task<VpcResource> RunAsync(EnsureVpcInput input, CancellationToken cancellationToken)
    {
        var plan = input.Plan;
        if (plan.Network.ExistingVpcId is { } existingVpcId)
        {
            return await DescribeExistingAsync(existingVpcId, cancellationToken);
        }

        var found = await aws.Ec2.DescribeVpcsAsync(new DescribeVpcsRequest
        {
            Filters = [ProvisioningTags.Ec2Filter(plan.ProvisioningId)],
        }, cancellationToken);
        if (found.Vpcs?.FirstOrDefault() is { } earlier)
        {
            logger.LogInformation("Reusing VPC {VpcId} made earlier for {ProvisioningId}", earlier.VpcId, plan.ProvisioningId);
            return new VpcResource(earlier.VpcId, earlier.CidrBlock);
        }

        var cidr = plan.Network.VpcCidr
            ?? throw new StepInputMissingException(nameof(EnsureVpc), "plan.network.vpcCidr");
        var tags = new ResourceTags(plan.ProvisioningId, nameof(EnsureVpc), plan.ProvisioningId);
        var created = (await aws.Ec2.CreateVpcAsync(new CreateVpcRequest
        {
            CidrBlock = cidr,
            TagSpecifications = [tags.ToEc2Specification(ResourceType.Vpc)],
        }, cancellationToken)).Vpc;
        logger.LogInformation("Created VPC {VpcId} ({CidrBlock}) for {ProvisioningId}", created.VpcId, created.CidrBlock, plan.ProvisioningId);
        return new VpcResource(created.VpcId, created.CidrBlock);
    }

    private async Task<VpcResource> DescribeExistingAsync(string vpcId, CancellationToken cancellationToken)
    {
        try
        {
            var response = await aws.Ec2.DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = [vpcId] }, cancellationToken);
            var vpc = response.Vpcs?.FirstOrDefault(v => v.VpcId == vpcId)
                ?? throw new ResourceNotFoundException("network.vpcId", vpcId);
            return new VpcResource(vpc.VpcId, vpc.CidrBlock);
        }
        catch (AmazonEC2Exception e) when (e.ErrorCode == Ec2ErrorCodes.InvalidVpcIdNotFound)
        {
            throw new ResourceNotFoundException("network.vpcId", vpcId, e);
        }
    }
}
