using Amazon.EC2.Model;
using OutpostServerless.Aws.Ec2;
using OutpostServerless.Emulator.World;

namespace OutpostServerless.Emulator.Ec2;

/// <summary>The in-process <see cref="IEc2"/>: every call counted, answered by the EC2 world.</summary>
internal sealed class Ec2Port(EmulatedRegion region, string? caller) : IEc2
{
    public Task<CreateVpcResponse> CreateVpcAsync(CreateVpcRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "ec2:CreateVpc", () => region.Ec2.CreateVpc(request), cancellationToken);

    public Task<DescribeVpcsResponse> DescribeVpcsAsync(DescribeVpcsRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "ec2:DescribeVpcs", () => region.Ec2.DescribeVpcs(request), cancellationToken);

    public Task<DeleteVpcResponse> DeleteVpcAsync(DeleteVpcRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "ec2:DeleteVpc", () => region.Ec2.DeleteVpc(request), cancellationToken);

    public Task<CreateSubnetResponse> CreateSubnetAsync(CreateSubnetRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "ec2:CreateSubnet", () => region.Ec2.CreateSubnet(request), cancellationToken);

    public Task<DescribeSubnetsResponse> DescribeSubnetsAsync(DescribeSubnetsRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "ec2:DescribeSubnets", () => region.Ec2.DescribeSubnets(request), cancellationToken);

    public Task<DeleteSubnetResponse> DeleteSubnetAsync(DeleteSubnetRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "ec2:DeleteSubnet", () => region.Ec2.DeleteSubnet(request), cancellationToken);

    public Task<CreateSecurityGroupResponse> CreateSecurityGroupAsync(CreateSecurityGroupRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "ec2:CreateSecurityGroup", () => region.Ec2.CreateSecurityGroup(request), cancellationToken);

    public Task<DescribeSecurityGroupsResponse> DescribeSecurityGroupsAsync(DescribeSecurityGroupsRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "ec2:DescribeSecurityGroups", () => region.Ec2.DescribeSecurityGroups(request), cancellationToken);

    public Task<RevokeSecurityGroupIngressResponse> RevokeSecurityGroupIngressAsync(RevokeSecurityGroupIngressRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "ec2:RevokeSecurityGroupIngress", () => region.Ec2.RevokeSecurityGroupIngress(request), cancellationToken);

    public Task<AuthorizeSecurityGroupIngressResponse> AuthorizeSecurityGroupIngressAsync(AuthorizeSecurityGroupIngressRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "ec2:AuthorizeSecurityGroupIngress", () => region.Ec2.AuthorizeSecurityGroupIngress(request), cancellationToken);

    public Task<DeleteSecurityGroupResponse> DeleteSecurityGroupAsync(DeleteSecurityGroupRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "ec2:DeleteSecurityGroup", () => region.Ec2.DeleteSecurityGroup(request), cancellationToken);

    public Task<RunInstancesResponse> RunInstancesAsync(RunInstancesRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "ec2:RunInstances", () => region.Ec2.RunInstances(request), cancellationToken);

    public Task<DescribeInstancesResponse> DescribeInstancesAsync(DescribeInstancesRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "ec2:DescribeInstances", () => region.Ec2.DescribeInstances(request), cancellationToken);

    public Task<TerminateInstancesResponse> TerminateInstancesAsync(TerminateInstancesRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "ec2:TerminateInstances", () => region.Ec2.TerminateInstances(request), cancellationToken);

    public Task<ModifySubnetAttributeResponse> ModifySubnetAttributeAsync(ModifySubnetAttributeRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "ec2:ModifySubnetAttribute", () => region.Ec2.ModifySubnetAttribute(request), cancellationToken);

    public Task<CreateRouteTableResponse> CreateRouteTableAsync(CreateRouteTableRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "ec2:CreateRouteTable", () => region.Ec2.CreateRouteTable(request), cancellationToken);

    public Task<DescribeRouteTablesResponse> DescribeRouteTablesAsync(DescribeRouteTablesRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "ec2:DescribeRouteTables", () => region.Ec2.DescribeRouteTables(request), cancellationToken);

    public Task<DeleteRouteTableResponse> DeleteRouteTableAsync(DeleteRouteTableRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "ec2:DeleteRouteTable", () => region.Ec2.DeleteRouteTable(request), cancellationToken);

    public Task<CreateRouteResponse> CreateRouteAsync(CreateRouteRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "ec2:CreateRoute", () => region.Ec2.CreateRoute(request), cancellationToken);

    public Task<AssociateRouteTableResponse> AssociateRouteTableAsync(AssociateRouteTableRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "ec2:AssociateRouteTable", () => region.Ec2.AssociateRouteTable(request), cancellationToken);

    public Task<DisassociateRouteTableResponse> DisassociateRouteTableAsync(DisassociateRouteTableRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "ec2:DisassociateRouteTable", () => region.Ec2.DisassociateRouteTable(request), cancellationToken);

    public Task<CreateInternetGatewayResponse> CreateInternetGatewayAsync(CreateInternetGatewayRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "ec2:CreateInternetGateway", () => region.Ec2.CreateInternetGateway(request), cancellationToken);

    public Task<DescribeInternetGatewaysResponse> DescribeInternetGatewaysAsync(DescribeInternetGatewaysRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "ec2:DescribeInternetGateways", () => region.Ec2.DescribeInternetGateways(request), cancellationToken);

    public Task<AttachInternetGatewayResponse> AttachInternetGatewayAsync(AttachInternetGatewayRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "ec2:AttachInternetGateway", () => region.Ec2.AttachInternetGateway(request), cancellationToken);

    public Task<DetachInternetGatewayResponse> DetachInternetGatewayAsync(DetachInternetGatewayRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "ec2:DetachInternetGateway", () => region.Ec2.DetachInternetGateway(request), cancellationToken);

    public Task<DeleteInternetGatewayResponse> DeleteInternetGatewayAsync(DeleteInternetGatewayRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "ec2:DeleteInternetGateway", () => region.Ec2.DeleteInternetGateway(request), cancellationToken);

    public Task<DescribeLocalGatewaysResponse> DescribeLocalGatewaysAsync(DescribeLocalGatewaysRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "ec2:DescribeLocalGateways", () => region.Ec2.DescribeLocalGateways(request), cancellationToken);

    public Task<DescribeLocalGatewayRouteTablesResponse> DescribeLocalGatewayRouteTablesAsync(DescribeLocalGatewayRouteTablesRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "ec2:DescribeLocalGatewayRouteTables", () => region.Ec2.DescribeLocalGatewayRouteTables(request), cancellationToken);

    public Task<CreateLocalGatewayRouteTableVpcAssociationResponse> CreateLocalGatewayRouteTableVpcAssociationAsync(CreateLocalGatewayRouteTableVpcAssociationRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "ec2:CreateLocalGatewayRouteTableVpcAssociation", () => region.Ec2.CreateLocalGatewayRouteTableVpcAssociation(request), cancellationToken);

    public Task<DescribeLocalGatewayRouteTableVpcAssociationsResponse> DescribeLocalGatewayRouteTableVpcAssociationsAsync(DescribeLocalGatewayRouteTableVpcAssociationsRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "ec2:DescribeLocalGatewayRouteTableVpcAssociations", () => region.Ec2.DescribeLocalGatewayRouteTableVpcAssociations(request), cancellationToken);

    public Task<DeleteLocalGatewayRouteTableVpcAssociationResponse> DeleteLocalGatewayRouteTableVpcAssociationAsync(DeleteLocalGatewayRouteTableVpcAssociationRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "ec2:DeleteLocalGatewayRouteTableVpcAssociation", () => region.Ec2.DeleteLocalGatewayRouteTableVpcAssociation(request), cancellationToken);

    public Task<DescribeCoipPoolsResponse> DescribeCoipPoolsAsync(DescribeCoipPoolsRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "ec2:DescribeCoipPools", () => region.Ec2.DescribeCoipPools(request), cancellationToken);

    public Task<DescribeVpcEndpointsResponse> DescribeVpcEndpointsAsync(DescribeVpcEndpointsRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "ec2:DescribeVpcEndpoints", () => region.Ec2.DescribeVpcEndpoints(request), cancellationToken);

    public Task<DescribeAvailabilityZonesResponse> DescribeAvailabilityZonesAsync(DescribeAvailabilityZonesRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "ec2:DescribeAvailabilityZones", () => region.Ec2.DescribeAvailabilityZones(request), cancellationToken);
}
