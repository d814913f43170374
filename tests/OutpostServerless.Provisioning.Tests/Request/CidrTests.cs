using OutpostServerless.Provisioning.Request;
using Xunit;

namespace OutpostServerless.Provisioning.Tests.Request;

public sealed class CidrTests
{
    [Theory]
    [InlineData("10.0.0.0/16", "10.0.3.0/24", true)]
    [InlineData("10.0.0.0/16", "10.0.0.0/16", true)]
    [InlineData("10.0.0.0/16", "10.0.255.240/28", true)]
    [InlineData("10.0.0.0/16", "10.1.0.0/24", false)]
    [InlineData("10.0.0.0/16", "10.0.0.0/15", false)]
    [InlineData("10.0.3.0/24", "10.0.0.0/16", false)]
    [InlineData("172.16.0.0/12", "172.31.96.0/20", true)]
    [InlineData("0.0.0.0/0", "192.168.1.0/24", true)]
    [InlineData("10.0.0.0/16", "10.0.0.0/0", false)]
    public void A_block_contains_a_block_only_when_all_its_addresses_are_inside(string outer, string inner, bool contains)
    {
        Assert.True(Cidr.TryParseIpv4(outer, out var o, out _));
        Assert.True(Cidr.TryParseIpv4(inner, out var i, out _));

        Assert.Equal(contains, o.Contains(i));
    }

    [Fact]
    public void An_IPv6_block_never_contains_an_IPv4_block()
    {
        Assert.True(Cidr.TryParseAny("::/0", out var everything, out _));
        Assert.True(Cidr.TryParseAny("10.0.0.0/8", out var ipv4, out _));

        Assert.False(everything.Contains(ipv4));
    }

    [Theory]
    [InlineData("100.68.0.18/18", "100.68.0.0/18")]
    [InlineData("10.0.3.7/24", "10.0.3.0/24")]
    [InlineData("10.0.3.7/32", "10.0.3.7/32")]
    [InlineData("255.255.255.255/0", "0.0.0.0/0")]
    [InlineData("2001:DB8:0:0::1/32", "2001:db8::/32")]
    [InlineData("fd00::ff/120", "fd00::/120")]
    public void A_block_is_written_in_the_canonical_form_EC2_stores(string text, string canonical)
    {
        Assert.True(Cidr.TryParseAny(text, out var cidr, out _));

        Assert.Equal(canonical, cidr.ToString());
    }

    [Theory]
    [InlineData("10.0.0.0")]
    [InlineData("10.0.0/16")]
    [InlineData("10.0.0.0.0/16")]
    [InlineData("256.0.0.0/16")]
    [InlineData("010.0.0.0/16")]
    [InlineData("10.0.0.0/33")]
    [InlineData("10.0.0.0/016")]
    [InlineData("10.0.0.0/")]
    [InlineData("10.0.0.0/16/1")]
    [InlineData("0x0A.0.0.0/16")]
    [InlineData(" 10.0.0.0/16")]
    [InlineData("10.0.0.0/-1")]
    [InlineData("2001:db8::/32")]
    public void A_malformed_or_IPv6_VPC_block_is_not_an_IPv4_CIDR(string text)
    {
        Assert.False(Cidr.TryParseIpv4(text, out var cidr, out var problem));
        Assert.Null(cidr);
        Assert.NotEmpty(problem);
    }

    [Theory]
    [InlineData("2001:db8::/129")]
    [InlineData("2001:db8:::/32")]
    [InlineData("fe80::1%eth0/64")]
    public void A_malformed_IPv6_block_is_refused(string text)
    {
        Assert.False(Cidr.TryParseAny(text, out _, out var problem));
        Assert.NotEmpty(problem);
    }

    [Theory]
    [InlineData("0.0.0.0/0", true)]
    [InlineData("::/0", true)]
    [InlineData("0.0.0.0/1", false)]
    [InlineData("10.0.0.0/8", false)]
    public void Only_a_zero_length_prefix_is_everywhere(string text, bool everywhere)
    {
        Assert.True(Cidr.TryParseAny(text, out var cidr, out _));

        Assert.Equal(everywhere, cidr.IsEverywhere);
    }
}
