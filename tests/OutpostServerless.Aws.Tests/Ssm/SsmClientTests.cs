using System.Net;
using OutpostServerless.Aws.Errors;
using OutpostServerless.Aws.Ssm;
using OutpostServerless.Aws.Tests.Testing;

namespace OutpostServerless.Aws.Tests.Ssm;

/// <summary>The SSM client against recorded SSM answers; every request must match the botocore model.</summary>
public sealed class SsmClientTests : IDisposable
{
    private const string AmiParameter = "/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id";
    private readonly ClientHarness _harness = new(checkModelsOnDispose: true);

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task GetParameter_posts_the_name_with_the_ssm_target()
    {
        _harness.Handler.RespondJson($$$"""
            {"Parameter":{"ARN":"arn:aws:ssm:us-west-2::parameter{{{AmiParameter}}}","DataType":"text","LastModifiedDate":1.736164800E9,"Name":"{{{AmiParameter}}}","Type":"String","Value":"ami-0c7a1ecb0e5d10001","Version":42}}
            """);

        var response = await _harness.Ssm.GetParameterAsync(new GetParameterRequest(AmiParameter));

        var request = _harness.Handler.LastRequest;
        Assert.Equal(("AmazonSSM.GetParameter", "application/x-amz-json-1.1"), (request.Header("X-Amz-Target"), request.Header("Content-Type")));
        Assert.Equal($$"""{"Name":"{{AmiParameter}}"}""", request.BodyText);
        Assert.Equal(new Parameter(AmiParameter, "String", "ami-0c7a1ecb0e5d10001", 42), response.Parameter);
    }

    [Fact]
    public async Task A_missing_parameter_is_parameter_not_found()
    {
        _harness.Handler.RespondJson("""{"__type":"ParameterNotFound"}""", HttpStatusCode.BadRequest);

        var error = await Assert.ThrowsAsync<AwsServiceError>(() => _harness.Ssm.GetParameterAsync(new GetParameterRequest("/nope")));

        Assert.Equal(("ssm", "ParameterNotFound"), (error.Service, error.ErrorCode));
    }
}
