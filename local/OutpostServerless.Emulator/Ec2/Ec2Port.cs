using Amazon.EC2.Model;
using OutpostServerless.Aws.Ec2;
using OutpostServerless.Emulator.World;

namespace OutpostServerless.Emulator.Ec2;

/// <summary>The in-process <see cref="IEc2"/>: every call counted, answered by the EC2 world.</summary>
internal sealed class Ec2Port(EmulatedRegion region) : IEc2
{
    public Task<CreateVpcResponse> CreateVpcAsync(CreateVpcRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync("ec2:CreateVpc", () => region.Ec2.CreateVpc(request), cancellationToken);

    public Task<DescribeVpcsResponse> DescribeVpcsAsync(DescribeVpcsRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync("ec2:DescribeVpcs", () => region.Ec2.DescribeVpcs(request), cancellationToken);

    public Task<DeleteVpcResponse> DeleteVpcAsync(DeleteVpcRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync("ec2:DeleteVpc", () => region.Ec2.DeleteVpc(request), cancellationToken);

    public Task<CreateSubnetResponse> CreateSubnetAsync(CreateSubnetRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync("ec2:CreateSubnet", () => region.Ec2.CreateSubnet(request), cancellationToken);

    public Task<DescribeSubnetsResponse> DescribeSubnetsAsync(DescribeSubnetsRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync("ec2:DescribeSubnets", () => region.Ec2.DescribeSubnets(request), cancellationToken);

    public Task<DeleteSubnetResponse> DeleteSubnetAsync(DeleteSubnetRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync("ec2:DeleteSubnet", () => region.Ec2.DeleteSubnet(request), cancellationToken);

    public Task<CreateSecurityGroupResponse> CreateSecurityGroupAsync(CreateSecurityGroupRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync("ec2:CreateSecurityGroup", () => region.Ec2.CreateSecurityGroup(request), cancellationToken);

    public Task<DescribeSecurityGroupsResponse> DescribeSecurityGroupsAsync(DescribeSecurityGroupsRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync("ec2:DescribeSecurityGroups", () => region.Ec2.DescribeSecurityGroups(request), cancellationToken);

    public Task<RevokeSecurityGroupIngressResponse> RevokeSecurityGroupIngressAsync(RevokeSecurityGroupIngressRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync("ec2:RevokeSecurityGroupIngress", () => region.Ec2.RevokeSecurityGroupIngress(request), cancellationToken);

    public Task<AuthorizeSecurityGroupIngressResponse> AuthorizeSecurityGroupIngressAsync(AuthorizeSecurityGroupIngressRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync("ec2:AuthorizeSecurityGroupIngress", () => region.Ec2.AuthorizeSecurityGroupIngress(request), cancellationToken);

    public Task<DeleteSecurityGroupResponse> DeleteSecurityGroupAsync(DeleteSecurityGroupRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync("ec2:DeleteSecurityGroup", () => region.Ec2.DeleteSecurityGroup(request), cancellationToken);

    public Task<RunInstancesResponse> RunInstancesAsync(RunInstancesRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync("ec2:RunInstances", () => region.Ec2.RunInstances(request), cancellationToken);

    public Task<DescribeInstancesResponse> DescribeInstancesAsync(DescribeInstancesRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync("ec2:DescribeInstances", () => region.Ec2.DescribeInstances(request), cancellationToken);

    public Task<TerminateInstancesResponse> TerminateInstancesAsync(TerminateInstancesRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync("ec2:TerminateInstances", () => region.Ec2.TerminateInstances(request), cancellationToken);
}
