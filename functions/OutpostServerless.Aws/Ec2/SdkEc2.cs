using Amazon.EC2;
using Amazon.EC2.Model;

namespace OutpostServerless.Aws.Ec2;

/// <summary>The EC2 port over the real AWSSDK.EC2 client.</summary>
public sealed class SdkEc2(IAmazonEC2 client) : IEc2
{
    public Task<CreateVpcResponse> CreateVpcAsync(CreateVpcRequest request, CancellationToken cancellationToken = default) => client.CreateVpcAsync(request, cancellationToken);
    public Task<DescribeVpcsResponse> DescribeVpcsAsync(DescribeVpcsRequest request, CancellationToken cancellationToken = default) => client.DescribeVpcsAsync(request, cancellationToken);
    public Task<DeleteVpcResponse> DeleteVpcAsync(DeleteVpcRequest request, CancellationToken cancellationToken = default) => client.DeleteVpcAsync(request, cancellationToken);
    public Task<CreateSubnetResponse> CreateSubnetAsync(CreateSubnetRequest request, CancellationToken cancellationToken = default) => client.CreateSubnetAsync(request, cancellationToken);
    public Task<DescribeSubnetsResponse> DescribeSubnetsAsync(DescribeSubnetsRequest request, CancellationToken cancellationToken = default) => client.DescribeSubnetsAsync(request, cancellationToken);
    public Task<DeleteSubnetResponse> DeleteSubnetAsync(DeleteSubnetRequest request, CancellationToken cancellationToken = default) => client.DeleteSubnetAsync(request, cancellationToken);
    public Task<CreateSecurityGroupResponse> CreateSecurityGroupAsync(CreateSecurityGroupRequest request, CancellationToken cancellationToken = default) => client.CreateSecurityGroupAsync(request, cancellationToken);
    public Task<DescribeSecurityGroupsResponse> DescribeSecurityGroupsAsync(DescribeSecurityGroupsRequest request, CancellationToken cancellationToken = default) => client.DescribeSecurityGroupsAsync(request, cancellationToken);
    public Task<AuthorizeSecurityGroupIngressResponse> AuthorizeSecurityGroupIngressAsync(AuthorizeSecurityGroupIngressRequest request, CancellationToken cancellationToken = default) => client.AuthorizeSecurityGroupIngressAsync(request, cancellationToken);
    public Task<RevokeSecurityGroupIngressResponse> RevokeSecurityGroupIngressAsync(RevokeSecurityGroupIngressRequest request, CancellationToken cancellationToken = default) => client.RevokeSecurityGroupIngressAsync(request, cancellationToken);
    public Task<DeleteSecurityGroupResponse> DeleteSecurityGroupAsync(DeleteSecurityGroupRequest request, CancellationToken cancellationToken = default) => client.DeleteSecurityGroupAsync(request, cancellationToken);
    public Task<RunInstancesResponse> RunInstancesAsync(RunInstancesRequest request, CancellationToken cancellationToken = default) => client.RunInstancesAsync(request, cancellationToken);
    public Task<DescribeInstancesResponse> DescribeInstancesAsync(DescribeInstancesRequest request, CancellationToken cancellationToken = default) => client.DescribeInstancesAsync(request, cancellationToken);
    public Task<TerminateInstancesResponse> TerminateInstancesAsync(TerminateInstancesRequest request, CancellationToken cancellationToken = default) => client.TerminateInstancesAsync(request, cancellationToken);
}
