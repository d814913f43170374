using OutpostServerless.Provisioning.Errors;

namespace OutpostServerless.Provisioning.Request;

/// <summary>
/// network.egress: <c>existing</c> needs a VPC that exists; <c>local-gateway</c> needs the local
/// gateway and the customer-owned IP pool the instances take addresses from (the AWS Outposts user
/// guide: a VPC reaches the on-premises network through the local gateway route table's VPC
/// association, and instances need customer-owned IPs to be reached); the ids belong only where used.
/// </summary>
internal sealed class EgressRule : IRequestRule
{
    public void Check(RequestDocument request, ICollection<FieldError> errors)
    {
        var egress = JsonMember.Object(request.Network, "egress");
        if (egress is null)
        {
            return;
        }

        var path = RequestDocument.NetworkPath.Member("egress");
        var mode = JsonMember.String(egress, "mode");
        var hasVpcId = JsonMember.Has(request.Network, "vpcId");
        if (mode == "existing" && !hasVpcId)
        {
            errors.Add(new FieldError(
                path.Member("mode").ToString(),
                "existing routes through a VPC you manage, but no network.vpcId is given (a new VPC has only the local route)",
                "give network.vpcId of a VPC whose route table reaches ECS, or choose internet-gateway or local-gateway"));
        }

        if (mode == "local-gateway")
        {
            if (!JsonMember.Has(egress, "localGatewayId"))
            {
                errors.Add(new FieldError(
                    path.Member("localGatewayId").ToString(),
                    "local-gateway needs the Outpost's local gateway",
                    "write its ID, e.g. lgw-0a1b2c3d4e5f60001 (aws ec2 describe-local-gateways --filters Name=outpost-arn,Values=<outpostArn>)"));
            }

            if (!JsonMember.Has(egress, "customerOwnedIpv4Pool"))
            {
                errors.Add(new FieldError(
                    path.Member("customerOwnedIpv4Pool").ToString(),
                    "local-gateway needs a customer-owned IP pool for the container instances' addresses",
                    "write its ID, e.g. ipv4pool-coip-0a1b2c3d4e5f60001 (aws ec2 describe-coip-pools)"));
            }
        }
        else if (JsonMember.Has(egress, "localGatewayId"))
        {
            errors.Add(new FieldError(
                path.Member("localGatewayId").ToString(),
                $"is used only with mode local-gateway, not {mode ?? (hasVpcId ? "existing (the default with vpcId)" : "internet-gateway (the default)")}",
                "set network.egress.mode to local-gateway, or leave localGatewayId out"));
        }

        if (JsonMember.Has(egress, "customerOwnedIpv4Pool") && (mode == "internet-gateway" || (mode is null && !hasVpcId)))
        {
            errors.Add(new FieldError(
                path.Member("customerOwnedIpv4Pool").ToString(),
                "is used only with mode local-gateway or existing (routing through a local gateway)",
                "set network.egress.mode to local-gateway, or leave customerOwnedIpv4Pool out"));
        }
    }
}
