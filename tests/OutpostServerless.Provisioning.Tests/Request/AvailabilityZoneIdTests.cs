using OutpostServerless.Provisioning.Request;
using Xunit;

namespace OutpostServerless.Provisioning.Tests.Request;

public sealed class AvailabilityZoneIdTests
{
    [Theory]
    [InlineData("us-west-2", "usw2")]
    [InlineData("us-east-1", "use1")]
    [InlineData("eu-central-1", "euc1")]
    [InlineData("ap-northeast-1", "apne1")]
    [InlineData("ap-southeast-2", "apse2")]
    [InlineData("cn-northwest-1", "cnnw1")]
    [InlineData("us-gov-west-1", "usgw1")]
    [InlineData("sa-east-1", "sae1")]
    public void A_Region_has_the_code_its_zone_IDs_start_with(string region, string code)
    {
        Assert.Equal(code, AvailabilityZoneId.RegionCode(region));
    }

    [Theory]
    [InlineData("us-isob-east-1")]
    [InlineData("local")]
    public void A_Region_name_of_an_unfamiliar_shape_has_no_code_so_nothing_is_refused_on_a_guess(string region)
    {
        Assert.Null(AvailabilityZoneId.RegionCode(region));
    }

    [Theory]
    [InlineData("usw2-az1", true)]
    [InlineData("apne1-az4", true)]
    [InlineData("us-west-2a", false)]
    [InlineData("usw2-az", false)]
    [InlineData("usw2-az1\n", false)]
    public void A_zone_ID_has_the_form_code_az_number(string id, bool wellFormed)
    {
        Assert.Equal(wellFormed, AvailabilityZoneId.IsWellFormed(id));
    }
}
