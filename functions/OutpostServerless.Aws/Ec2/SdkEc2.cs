using Amazon.EC2;
using Amazon.EC2.Model;

namespace OutpostServerless.Aws.Ec2;

/// <summary>The EC2 port over the real AWSSDK.EC2 client (<paramref name="client"/> builds it on first use; see <see cref="Client.SdkClientOnFirstUse{T}"/>).</summary>
public sealed class SdkEc2(Func<IAmazonEC2> client) : IEc2
{
    public Task<CreateVpcResponse> CreateVpcAsync(CreateVpcRequest request, CancellationToken cancellationToken = default) => client().CreateVpcAsync(request, cancellationToken);
    public Task<DescribeVpcsResponse> DescribeVpcsAsync(DescribeVpcsRequest request, CancellationToken cancellationToken = default) => client().DescribeVpcsAsync(request, cancellationToken);
    public Task<DeleteVpcResponse> DeleteVpcAsync(DeleteVpcRequest request, CancellationToken cancellationToken = default) => client().DeleteVpcAsync(request, cancellationToken);
    public Task<CreateSubnetResponse> CreateSubnetAsync(CreateSubnetRequest request, CancellationToken cancellationToken = default) => client().CreateSubnetAsync(request, cancellationToken);
    public Task<DescribeSubnetsResponse> DescribeSubnetsAsync(DescribeSubnetsRequest request, CancellationToken cancellationToken = default) => client().DescribeSubnetsAsync(request, cancellationToken);
    public Task<DeleteSubnetResponse> DeleteSubnetAsync(DeleteSubnetRequest request, CancellationToken cancellationToken = default) => client().DeleteSubnetAsync(request, cancellationToken);
    public Task<CreateSecurityGroupResponse> CreateSecurityGroupAsync(CreateSecurityGroupRequest request, CancellationToken cancellationToken = default) => client().CreateSecurityGroupAsync(request, cancellationToken);
    public Task<DescribeSecurityGroupsResponse> DescribeSecurityGroupsAsync(DescribeSecurityGroupsRequest request, CancellationToken cancellationToken = default) => client().DescribeSecurityGroupsAsync(request, cancellationToken);
    public Task<AuthorizeSecurityGroupIngressResponse> AuthorizeSecurityGroupIngressAsync(AuthorizeSecurityGroupIngressRequest request, CancellationToken cancellationToken = default) => client().AuthorizeSecurityGroupIngressAsync(request, cancellationToken);
    public Task<RevokeSecurityGroupIngressResponse> RevokeSecurityGroupIngressAsync(RevokeSecurityGroupIngressRequest request, CancellationToken cancellationToken = default) => client().RevokeSecurityGroupIngressAsync(request, cancellationToken);
    public Task<DeleteSecurityGroupResponse> DeleteSecurityGroupAsync(DeleteSecurityGroupRequest request, CancellationToken cancellationToken = default) => client().DeleteSecurityGroupAsync(request, cancellationToken);
    public Task<RunInstancesResponse> RunInstancesAsync(RunInstancesRequest request, CancellationToken cancellationToken = default) => client().RunInstancesAsync(request, cancellationToken);
    public Task<DescribeInstancesResponse> DescribeInstancesAsync(DescribeInstancesRequest request, CancellationToken cancellationToken = default) => client().DescribeInstancesAsync(request, cancellationToken);
    public Task<TerminateInstancesResponse> TerminateInstancesAsync(TerminateInstancesRequest request, CancellationToken cancellationToken = default) => client().TerminateInstancesAsync(request, cancellationToken);
    public Task<ModifySubnetAttributeResponse> ModifySubnetAttributeAsync(ModifySubnetAttributeRequest request, CancellationToken cancellationToken = default) => client().ModifySubnetAttributeAsync(request, cancellationToken);
    public Task<CreateRouteTableResponse> CreateRouteTableAsync(CreateRouteTableRequest request, CancellationToken cancellationToken = default) => client().CreateRouteTableAsync(request, cancellationToken);
    public Task<DescribeRouteTablesResponse> DescribeRouteTablesAsync(DescribeRouteTablesRequest request, CancellationToken cancellationToken = default) => client().DescribeRouteTablesAsync(request, cancellationToken);
    public Task<DeleteRouteTableResponse> DeleteRouteTableAsync(DeleteRouteTableRequest request, CancellationToken cancellationToken = default) => client().DeleteRouteTableAsync(request, cancellationToken);
    public Task<CreateRouteResponse> CreateRouteAsync(CreateRouteRequest request, CancellationToken cancellationToken = default) => client().CreateRouteAsync(request, cancellationToken);
    public Task<AssociateRouteTableResponse> AssociateRouteTableAsync(AssociateRouteTableRequest request, CancellationToken cancellationToken = default) => client().AssociateRouteTableAsync(request, cancellationToken);
    public Task<DisassociateRouteTableResponse> DisassociateRouteTableAsync(DisassociateRouteTableRequest request, CancellationToken cancellationToken = default) => client().DisassociateRouteTableAsync(request, cancellationToken);
    public Task<CreateInternetGatewayResponse> CreateInternetGatewayAsync(CreateInternetGatewayRequest request, CancellationToken cancellationToken = default) => client().CreateInternetGatewayAsync(request, cancellationToken);
    public Task<DescribeInternetGatewaysResponse> DescribeInternetGatewaysAsync(DescribeInternetGatewaysRequest request, CancellationToken cancellationToken = default) => client().DescribeInternetGatewaysAsync(request, cancellationToken);
    public Task<AttachInternetGatewayResponse> AttachInternetGatewayAsync(AttachInternetGatewayRequest request, CancellationToken cancellationToken = default) => client().AttachInternetGatewayAsync(request, cancellationToken);
    public Task<DetachInternetGatewayResponse> DetachInternetGatewayAsync(DetachInternetGatewayRequest request, CancellationToken cancellationToken = default) => client().DetachInternetGatewayAsync(request, cancellationToken);
    public Task<DeleteInternetGatewayResponse> DeleteInternetGatewayAsync(DeleteInternetGatewayRequest request, CancellationToken cancellationToken = default) => client().DeleteInternetGatewayAsync(request, cancellationToken);
    public Task<DescribeLocalGatewaysResponse> DescribeLocalGatewaysAsync(DescribeLocalGatewaysRequest request, CancellationToken cancellationToken = default) => client().DescribeLocalGatewaysAsync(request, cancellationToken);
    public Task<DescribeLocalGatewayRouteTablesResponse> DescribeLocalGatewayRouteTablesAsync(DescribeLocalGatewayRouteTablesRequest request, CancellationToken cancellationToken = default) => client().DescribeLocalGatewayRouteTablesAsync(request, cancellationToken);
    public Task<CreateLocalGatewayRouteTableVpcAssociationResponse> CreateLocalGatewayRouteTableVpcAssociationAsync(CreateLocalGatewayRouteTableVpcAssociationRequest request, CancellationToken cancellationToken = default) => client().CreateLocalGatewayRouteTableVpcAssociationAsync(request, cancellationToken);
    public Task<DescribeLocalGatewayRouteTableVpcAssociationsResponse> DescribeLocalGatewayRouteTableVpcAssociationsAsync(DescribeLocalGatewayRouteTableVpcAssociationsRequest request, CancellationToken cancellationToken = default) => client().DescribeLocalGatewayRouteTableVpcAssociationsAsync(request, cancellationToken);
    public Task<DeleteLocalGatewayRouteTableVpcAssociationResponse> DeleteLocalGatewayRouteTableVpcAssociationAsync(DeleteLocalGatewayRouteTableVpcAssociationRequest request, CancellationToken cancellationToken = default) => client().DeleteLocalGatewayRouteTableVpcAssociationAsync(request, cancellationToken);
    public Task<DescribeCoipPoolsResponse> DescribeCoipPoolsAsync(DescribeCoipPoolsRequest request, CancellationToken cancellationToken = default) => client().DescribeCoipPoolsAsync(request, cancellationToken);
    public Task<DescribeVpcEndpointsResponse> DescribeVpcEndpointsAsync(DescribeVpcEndpointsRequest request, CancellationToken cancellationToken = default) => client().DescribeVpcEndpointsAsync(request, cancellationToken);
    public Task<DescribeAvailabilityZonesResponse> DescribeAvailabilityZonesAsync(DescribeAvailabilityZonesRequest request, CancellationToken cancellationToken = default) => client().DescribeAvailabilityZonesAsync(request, cancellationToken);
}
