using System.Text;
using OutpostServerless.Aws.Tests.Testing;

namespace OutpostServerless.Aws.Tests.ServiceModels;

/// <summary>The validator itself: it accepts what botocore would send and names each kind of deviation.</summary>
public sealed class ServiceModelValidatorTests
{
    private const string EcsAuthorization = "AWS4-HMAC-SHA256 Credential=AK/20250106/us-west-2/ecs/aws4_request, SignedHeaders=host, Signature=0";
    private const string IamAuthorization = "AWS4-HMAC-SHA256 Credential=AK/20250106/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=0";
    private const string OutpostsAuthorization = "AWS4-HMAC-SHA256 Credential=AK/20250106/us-west-2/outposts/aws4_request, SignedHeaders=host, Signature=0";

    private static CapturedRequest Ecs(string operation, string body) => new(
        HttpMethod.Post,
        new Uri("https://ecs.us-west-2.amazonaws.com/"),
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Authorization"] = EcsAuthorization,
            ["X-Amz-Target"] = $"AmazonEC2ContainerServiceV20141113.{operation}",
            ["Content-Type"] = "application/x-amz-json-1.1",
        },
        Encoding.UTF8.GetBytes(body));

    private static CapturedRequest Iam(string form) => new(
        HttpMethod.Post,
        new Uri("https://iam.amazonaws.com/"),
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Authorization"] = IamAuthorization, ["Content-Type"] = "application/x-www-form-urlencoded; charset=utf-8" },
        Encoding.UTF8.GetBytes(form));

    private static CapturedRequest Outposts(string pathAndQuery) => new(
        HttpMethod.Get,
        new Uri("https://outposts.us-west-2.amazonaws.com" + pathAndQuery),
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Authorization"] = OutpostsAuthorization },
        []);

    [Fact]
    public void A_request_botocore_would_send_is_valid() =>
        Assert.Empty(ServiceModelValidator.Validate(Ecs("RunTask", """{"cluster":"c","taskDefinition":"td:1","count":1,"launchType":"EC2","tags":[{"key":"k","value":"v"}]}""")));

    [Fact]
    public void An_unknown_member_is_reported() =>
        Assert.Contains(ServiceModelValidator.Validate(Ecs("CreateCluster", """{"clusterName":"c","colour":"blue"}""")), e => e.Contains("unknown member 'colour'", StringComparison.Ordinal));

    [Fact]
    public void A_pascal_case_member_is_unknown_to_a_camel_case_service() =>
        Assert.Contains(ServiceModelValidator.Validate(Ecs("CreateCluster", """{"ClusterName":"c"}""")), e => e.Contains("unknown member 'ClusterName'", StringComparison.Ordinal));

    [Fact]
    public void A_missing_required_member_is_reported() =>
        Assert.Contains(ServiceModelValidator.Validate(Ecs("RunTask", """{"cluster":"c"}""")), e => e.Contains("required member 'taskDefinition'", StringComparison.Ordinal));

    [Fact]
    public void A_wrong_type_is_reported() =>
        Assert.Contains(ServiceModelValidator.Validate(Ecs("RunTask", """{"taskDefinition":"td","count":"2"}""")), e => e.Contains("expected an integer", StringComparison.Ordinal));

    [Fact]
    public void A_value_outside_the_enum_is_reported() =>
        Assert.Contains(ServiceModelValidator.Validate(Ecs("RunTask", """{"taskDefinition":"td","launchType":"LAMBDA"}""")), e => e.Contains("'LAMBDA' is not one of", StringComparison.Ordinal));

    [Fact]
    public void An_unknown_operation_is_reported() =>
        Assert.Contains(ServiceModelValidator.Validate(Ecs("LaunchRocket", "{}")), e => e.Contains("no operation 'LaunchRocket'", StringComparison.Ordinal));

    [Fact]
    public void A_valid_query_request_is_valid() =>
        Assert.Empty(ServiceModelValidator.Validate(Iam("Action=CreateRole&Version=2010-05-08&RoleName=r&AssumeRolePolicyDocument=%7B%7D&Tags.member.1.Key=k&Tags.member.1.Value=v")));

    [Fact]
    public void A_query_parameter_outside_the_shape_is_reported() =>
        Assert.Contains(ServiceModelValidator.Validate(Iam("Action=GetRole&Version=2010-05-08&RoleName=r&Tags.member.1.Key=k")), e => e.Contains("unknown parameter 'Tags.member.1.Key'", StringComparison.Ordinal));

    [Fact]
    public void A_query_list_without_member_is_reported() =>
        Assert.Contains(ServiceModelValidator.Validate(Iam("Action=CreateRole&Version=2010-05-08&RoleName=r&AssumeRolePolicyDocument=x&Tags.1.Key=k&Tags.1.Value=v")), e => e.Contains("unknown parameter 'Tags.1.Key'", StringComparison.Ordinal));

    [Fact]
    public void A_missing_required_query_member_is_reported() =>
        Assert.Contains(ServiceModelValidator.Validate(Iam("Action=CreateRole&Version=2010-05-08&RoleName=r")), e => e.Contains("required member 'AssumeRolePolicyDocument'", StringComparison.Ordinal));

    [Fact]
    public void A_wrong_api_version_is_reported() =>
        Assert.Contains(ServiceModelValidator.Validate(Iam("Action=GetRole&Version=2011-01-01&RoleName=r")), e => e.Contains("Version '2011-01-01'", StringComparison.Ordinal));

    [Fact]
    public void A_valid_rest_request_is_valid() =>
        Assert.Empty(ServiceModelValidator.Validate(Outposts("/outposts/op-0123456789abcdef0/assets?MaxResults=10&StatusFilter=ACTIVE&StatusFilter=RETIRING")));

    [Fact]
    public void An_unknown_rest_query_parameter_is_reported() =>
        Assert.Contains(ServiceModelValidator.Validate(Outposts("/outposts/op-0123456789abcdef0/instanceTypes?Limit=10")), e => e.Contains("unknown query parameter 'Limit'", StringComparison.Ordinal));

    [Fact]
    public void A_rest_value_outside_the_enum_is_reported() =>
        Assert.Contains(ServiceModelValidator.Validate(Outposts("/outposts/op-1/assets?StatusFilter=BROKEN")), e => e.Contains("'BROKEN' is not one of", StringComparison.Ordinal));

    [Fact]
    public void A_path_no_operation_serves_is_reported() =>
        Assert.Contains(ServiceModelValidator.Validate(Outposts("/outpost/op-1")), e => e.Contains("no operation for GET /outpost/op-1", StringComparison.Ordinal));
}
