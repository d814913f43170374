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
/// this provisioning created, found again by its provisioning-id tag before anything is created. VPCs
/// have no client token, so a VPC just created is kept only if no other of this provisioning appeared
/// meanwhile; otherwise it is deleted and <see cref="ResourceContentionException"/> asks for a retry.
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

        var found = await FindOursAsync(plan.ProvisioningId, cancellationToken);
        if (found.Count > 1)
        {
            // Another attempt is creating one right now and will remove its extra copy: try again shortly.
            throw new ResourceContentionException("VPC", plan.ProvisioningId, [.. found.Select(v => v.VpcId)]);
        }

        if (found.FirstOrDefault() is { } earlier)
        {
            logger.LogInformation("Reusing VPC {VpcId} made earlier for {ProvisioningId}", earlier.VpcId, plan.ProvisioningId);
            return new VpcResource(earlier.VpcId, earlier.CidrBlock);
        }

        var cidr = plan.Network.VpcCidr
            ?? throw new StepInputMissingException(nameof(EnsureVpc), "plan.network.vpcCidr");
        var tags = ResourceTags.For(plan, nameof(EnsureVpc), plan.ProvisioningId);
        var created = (await aws.Ec2.CreateVpcAsync(new CreateVpcRequest
        {
            CidrBlock = cidr,
            TagSpecifications = [tags.ToEc2Specification(ResourceType.Vpc)],
        }, cancellationToken)).Vpc;
        logger.LogInformation("Created VPC {VpcId} ({CidrBlock}) for {ProvisioningId}", created.VpcId, created.CidrBlock, plan.ProvisioningId);

        // CreateVpc takes no client token: a racing execution, or a client retry after a lost response,
        // may have made another one. Keep ours only if it is the only one; otherwise step aside.
        var now = await FindOursAsync(plan.ProvisioningId, cancellationToken);
        if (now.Any(v => v.VpcId != created.VpcId))
        {
            await aws.Ec2.DeleteVpcAsync(new DeleteVpcRequest { VpcId = created.VpcId }, cancellationToken);
            logger.LogWarning("Deleted VPC {VpcId}: {Count} VPCs of {ProvisioningId} were created at once", created.VpcId, now.Count, plan.ProvisioningId);
            throw new ResourceContentionException("VPC", plan.ProvisioningId, [.. now.Select(v => v.VpcId)]);
        }

        return new VpcResource(created.VpcId, created.CidrBlock);
    }

    private async Task<List<Vpc>> FindOursAsync(string provisioningId, CancellationToken cancellationToken) =>
        (await aws.Ec2.DescribeVpcsAsync(new DescribeVpcsRequest
        {
            Filters = [ProvisioningTags.Ec2Filter(provisioningId)],
        }, cancellationToken)).Vpcs ?? [];

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
