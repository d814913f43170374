using OutpostServerless.Aws.Protocols;

namespace OutpostServerless.Aws.Tests.Protocols;

public sealed class ErrorCodeTests
{
    [Theory]
    [InlineData("ClusterNotFoundException", "ClusterNotFoundException")]
    [InlineData("com.amazonaws.ecs#ClusterNotFoundException", "ClusterNotFoundException")]
    [InlineData("ValidationException:http://internal.amazon.com/coral/com.amazon.coral.validate/", "ValidationException")]
    [InlineData("aws.protocoltests.restjson#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/", "FooError")]
    [InlineData("FooError:http://internal.amazon.com/coral/com.amazon.coral.validate#", "FooError")]
    [InlineData(" ThrottlingException ", "ThrottlingException")]
    public void A_type_is_cut_to_the_bare_code(string raw, string code) => Assert.Equal(code, ErrorCode.Normalize(raw));
}
