using Amazon.EC2.Model;
using OutpostServerless.Provisioning.Request;
using OutpostServerless.Provisioning.Steps;
using Xunit;

namespace OutpostServerless.Provisioning.Tests.Steps;

public sealed class IngressPermissionsTests
{
    private static IpPermission Tcp(int from, int to, string cidr) => new()
    {
        IpProtocol = "tcp",
        FromPort = from,
        ToPort = to,
        Ipv4Ranges = [new IpRange { CidrIp = cidr }],
    };

    [Fact]
    public void A_rule_is_granted_when_a_permission_has_the_same_protocol_ports_and_cidr()
    {
        Assert.True(IngressPermissions.IsGranted(new IngressRulePlan("tcp", 80, 80, "10.0.3.0/24", null), [Tcp(80, 80, "10.0.3.0/24")]));
    }

    [Theory]
    [InlineData("tcp", 22, 22, "10.0.3.0/24")]
    [InlineData("udp", 80, 80, "10.0.3.0/24")]
    [InlineData("tcp", 80, 80, "10.0.4.0/24")]
    public void A_rule_differing_in_any_part_is_not_granted(string protocol, int from, int to, string cidr)
    {
        Assert.False(IngressPermissions.IsGranted(new IngressRulePlan(protocol, from, to, cidr, null), [Tcp(80, 80, "10.0.3.0/24")]));
    }

    [Fact]
    public void An_ipv6_rule_is_compared_with_the_ipv6_ranges()
    {
        var rule = new IngressRulePlan("tcp", 443, 443, "::/0", null);
        var permission = new IpPermission { IpProtocol = "tcp", FromPort = 443, ToPort = 443, Ipv6Ranges = [new Ipv6Range { CidrIpv6 = "::/0" }] };

        Assert.True(IngressPermissions.IsGranted(rule, [permission]));
        Assert.Equal("::/0", IngressPermissions.ToIpPermission(rule).Ipv6Ranges.Single().CidrIpv6);
    }
}
