using System.Net;
using OutpostServerless.Aws.Errors;
using OutpostServerless.Aws.Iam;
using OutpostServerless.Aws.Tests.Testing;

namespace OutpostServerless.Aws.Tests.Iam;

/// <summary>The IAM client against recorded IAM answers; every request it sends must match the botocore model.</summary>
public sealed class IamClientTests : IDisposable
{
    private const string TrustPolicy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";
    private const string EncodedTrustPolicy = "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Principal%22%3A%7B%22Service%22%3A%22ec2.amazonaws.com%22%7D%2C%22Action%22%3A%22sts%3AAssumeRole%22%7D%5D%7D";

    private const string RoleXml = $"""
        <Role>
          <Path>/</Path>
          <AssumeRolePolicyDocument>{EncodedTrustPolicy}</AssumeRolePolicyDocument>
          <RoleId>AROADBQP57FF2AEXAMPLE</RoleId>
          <RoleName>ecsInstanceRole-p-1</RoleName>
          <Arn>arn:aws:iam::123456789012:role/ecsInstanceRole-p-1</Arn>
          <CreateDate>2025-01-06T12:00:01Z</CreateDate>
          <Tags>
            <member><Key>outpost-serverless:provisioning-id</Key><Value>p-1</Value></member>
          </Tags>
        </Role>
        """;

    private readonly ClientHarness _harness = new();

    public void Dispose()
    {
        _harness.AssertEveryRequestMatchesItsModel();
        _harness.Dispose();
    }

    private static string Response(string operation, string result) => $"""
        <{operation}Response xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
          <{operation}Result>{result}</{operation}Result>
          <ResponseMetadata><RequestId>4a93ceee-9966-11e1-b624-b1aEXAMPLE7c</RequestId></ResponseMetadata>
        </{operation}Response>
        """;

    private static string Empty(string operation) => $"""
        <{operation}Response xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
          <ResponseMetadata><RequestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId></ResponseMetadata>
        </{operation}Response>
        """;

    [Fact]
    public async Task CreateRole_posts_a_query_form_to_the_global_endpoint_signed_for_us_east_1()
    {
        _harness.Handler.RespondXml(Response("CreateRole", RoleXml));

        await _harness.Iam.CreateRoleAsync(new CreateRoleRequest
        {
            RoleName = "ecsInstanceRole-p-1",
            AssumeRolePolicyDocument = TrustPolicy,
            Description = "ECS container instances on the Outpost",
            Tags = [new IamTag("outpost-serverless:provisioning-id", "p-1")],
        });

        var request = _harness.Handler.LastRequest;
        Assert.Equal((HttpMethod.Post, "https://iam.amazonaws.com/"), (request.Method, request.Url.ToString()));
        Assert.Equal("application/x-www-form-urlencoded; charset=utf-8", request.Header("Content-Type"));
        Assert.Equal(
            $"Action=CreateRole&Version=2010-05-08&RoleName=ecsInstanceRole-p-1&AssumeRolePolicyDocument={EncodedTrustPolicy}&Description=ECS%20container%20instances%20on%20the%20Outpost&Tags.member.1.Key=outpost-serverless%3Aprovisioning-id&Tags.member.1.Value=p-1",
            request.BodyText);
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250106/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, ", request.Header("Authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateRole_reads_the_role_with_its_trust_policy_decoded()
    {
        _harness.Handler.RespondXml(Response("CreateRole", RoleXml));

        var response = await _harness.Iam.CreateRoleAsync(new CreateRoleRequest { RoleName = "ecsInstanceRole-p-1", AssumeRolePolicyDocument = TrustPolicy });

        Assert.Equal(
            ("ecsInstanceRole-p-1", "AROADBQP57FF2AEXAMPLE", "arn:aws:iam::123456789012:role/ecsInstanceRole-p-1", "/", new DateTimeOffset(2025, 1, 6, 12, 0, 1, TimeSpan.Zero), TrustPolicy),
            (response.Role.RoleName, response.Role.RoleId, response.Role.Arn, response.Role.Path, response.Role.CreateDate, response.Role.AssumeRolePolicyDocument));
        Assert.Equal([new IamTag("outpost-serverless:provisioning-id", "p-1")], response.Role.Tags);
    }

    [Fact]
    public async Task CreateServiceLinkedRole_sends_the_service_name_as_AWSServiceName_and_reads_the_role_under_its_service_path()
    {
        _harness.Handler.RespondXml(Response("CreateServiceLinkedRole", """
            <Role>
              <Path>/aws-service-role/ecs.amazonaws.com/</Path>
              <AssumeRolePolicyDocument>%7B%22Version%22%3A%222012-10-17%22%7D</AssumeRolePolicyDocument>
              <RoleId>AROAQBSDQXBDEXAMPLE7S</RoleId>
              <RoleName>AWSServiceRoleForECS</RoleName>
              <Arn>arn:aws:iam::123456789012:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS</Arn>
              <CreateDate>2025-01-06T12:00:01Z</CreateDate>
            </Role>
            """));

        var response = await _harness.Iam.CreateServiceLinkedRoleAsync(new CreateServiceLinkedRoleRequest { AwsServiceName = "ecs.amazonaws.com", Description = "ECS" });

        Assert.Equal("Action=CreateServiceLinkedRole&Version=2010-05-08&AWSServiceName=ecs.amazonaws.com&Description=ECS", _harness.Handler.LastRequest.BodyText);
        Assert.Equal(
            ("AWSServiceRoleForECS", "/aws-service-role/ecs.amazonaws.com/", "arn:aws:iam::123456789012:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS"),
            (response.Role.RoleName, response.Role.Path, response.Role.Arn));
    }

    [Fact]
    public async Task GetRole_surfaces_no_such_entity_with_the_request_id_from_the_body()
    {
        _harness.Handler.RespondXml("""
            <ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
              <Error><Type>Sender</Type><Code>NoSuchEntity</Code><Message>The role with name ecsInstanceRole-p-1 cannot be found.</Message></Error>
              <RequestId>9f8e7d6c-5b4a-4321-8765-EXAMPLE00001</RequestId>
            </ErrorResponse>
            """, HttpStatusCode.NotFound);

        var error = await Assert.ThrowsAsync<AwsServiceError>(() => _harness.Iam.GetRoleAsync(new GetRoleRequest("ecsInstanceRole-p-1")));

        Assert.Equal(
            ("iam", IamErrorCodes.NoSuchEntity, "The role with name ecsInstanceRole-p-1 cannot be found.", HttpStatusCode.NotFound, "9f8e7d6c-5b4a-4321-8765-EXAMPLE00001"),
            (error.Service, error.ErrorCode, error.Message, error.StatusCode, error.RequestId));
        Assert.Equal("Action=GetRole&Version=2010-05-08&RoleName=ecsInstanceRole-p-1", _harness.Handler.LastRequest.BodyText);
        Assert.Single(_harness.Handler.Requests);
    }

    [Fact]
    public async Task Iam_throttling_is_retried()
    {
        _harness.Handler
            .RespondXml("""<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>1</RequestId></ErrorResponse>""", HttpStatusCode.BadRequest)
            .RespondXml(Response("GetRole", RoleXml));

        var response = await _harness.Iam.GetRoleAsync(new GetRoleRequest("ecsInstanceRole-p-1"));

        Assert.Equal(("ecsInstanceRole-p-1", 2), (response.Role.RoleName, _harness.Handler.Requests.Count));
    }

    [Fact]
    public async Task GetRolePolicy_decodes_the_policy_document()
    {
        _harness.Handler.RespondXml(Response("GetRolePolicy", $"<RoleName>r</RoleName><PolicyName>outpost-access</PolicyName><PolicyDocument>{EncodedTrustPolicy}</PolicyDocument>"));

        var response = await _harness.Iam.GetRolePolicyAsync(new GetRolePolicyRequest("r", "outpost-access"));

        Assert.Equal(new GetRolePolicyResponse("r", "outpost-access", TrustPolicy), response);
    }

    [Fact]
    public async Task ListRolePolicies_follows_the_marker_until_the_list_is_complete()
    {
        _harness.Handler
            .RespondXml(Response("ListRolePolicies", "<PolicyNames><member>a</member></PolicyNames><IsTruncated>true</IsTruncated><Marker>page2</Marker>"))
            .RespondXml(Response("ListRolePolicies", "<PolicyNames><member>b</member></PolicyNames><IsTruncated>false</IsTruncated>"));

        var response = await _harness.Iam.ListRolePoliciesAsync(new ListRolePoliciesRequest("r"));

        Assert.Equal(["a", "b"], response.PolicyNames);
        Assert.Equal(
            ["Action=ListRolePolicies&Version=2010-05-08&RoleName=r", "Action=ListRolePolicies&Version=2010-05-08&RoleName=r&Marker=page2"],
            _harness.Handler.Requests.Select(r => r.BodyText));
    }

    [Fact]
    public async Task ListAttachedRolePolicies_reads_names_and_arns()
    {
        _harness.Handler.RespondXml(Response("ListAttachedRolePolicies", """
            <AttachedPolicies><member><PolicyName>AmazonEC2ContainerServiceforEC2Role</PolicyName><PolicyArn>arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role</PolicyArn></member></AttachedPolicies>
            <IsTruncated>false</IsTruncated>
            """));

        var response = await _harness.Iam.ListAttachedRolePoliciesAsync(new ListAttachedRolePoliciesRequest("r"));

        Assert.Equal([new AttachedPolicy("AmazonEC2ContainerServiceforEC2Role", "arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role")], response.AttachedPolicies);
    }

    private static string ProfileXml(string roles) => $"""
        <InstanceProfile>
          <InstanceProfileId>AIPAD5ARO2C5EXAMPLE3G</InstanceProfileId>
          <Roles>{roles}</Roles>
          <InstanceProfileName>ecsInstanceProfile-p-1</InstanceProfileName>
          <Path>/</Path>
          <Arn>arn:aws:iam::123456789012:instance-profile/ecsInstanceProfile-p-1</Arn>
          <CreateDate>2025-01-06T12:00:02Z</CreateDate>
        </InstanceProfile>
        """;

    [Fact]
    public async Task Instance_profiles_are_read_with_their_roles()
    {
        var roleMember = RoleXml.Replace("<Role>", "<member>", StringComparison.Ordinal).Replace("</Role>", "</member>", StringComparison.Ordinal);
        _harness.Handler
            .RespondXml(Response("CreateInstanceProfile", ProfileXml(string.Empty)))
            .RespondXml(Response("GetInstanceProfile", ProfileXml(roleMember)));

        var created = await _harness.Iam.CreateInstanceProfileAsync(new CreateInstanceProfileRequest { InstanceProfileName = "ecsInstanceProfile-p-1", Tags = [new IamTag("outpost-serverless:provisioning-id", "p-1")] });
        var fetched = await _harness.Iam.GetInstanceProfileAsync(new GetInstanceProfileRequest("ecsInstanceProfile-p-1"));

        Assert.Equal(("AIPAD5ARO2C5EXAMPLE3G", 0), (created.InstanceProfile.InstanceProfileId, created.InstanceProfile.Roles.Count));
        Assert.Equal("ecsInstanceRole-p-1", Assert.Single(fetched.InstanceProfile.Roles).RoleName);
        Assert.Equal(
            "Action=CreateInstanceProfile&Version=2010-05-08&InstanceProfileName=ecsInstanceProfile-p-1&Tags.member.1.Key=outpost-serverless%3Aprovisioning-id&Tags.member.1.Value=p-1",
            _harness.Handler.Requests[0].BodyText);
    }

    [Fact]
    public async Task Operations_without_output_send_exactly_their_parameters()
    {
        string[] operations = ["PutRolePolicy", "AttachRolePolicy", "AddRoleToInstanceProfile", "RemoveRoleFromInstanceProfile", "DetachRolePolicy", "DeleteRolePolicy", "DeleteInstanceProfile", "DeleteRole"];
        foreach (var operation in operations)
        {
            _harness.Handler.RespondXml(Empty(operation));
        }

        const string policyArn = "arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role";
        await _harness.Iam.PutRolePolicyAsync(new PutRolePolicyRequest("r", "outpost-access", """{"Version":"2012-10-17"}"""));
        await _harness.Iam.AttachRolePolicyAsync(new AttachRolePolicyRequest("r", policyArn));
        await _harness.Iam.AddRoleToInstanceProfileAsync(new AddRoleToInstanceProfileRequest("p", "r"));
        await _harness.Iam.RemoveRoleFromInstanceProfileAsync(new RemoveRoleFromInstanceProfileRequest("p", "r"));
        await _harness.Iam.DetachRolePolicyAsync(new DetachRolePolicyRequest("r", policyArn));
        await _harness.Iam.DeleteRolePolicyAsync(new DeleteRolePolicyRequest("r", "outpost-access"));
        await _harness.Iam.DeleteInstanceProfileAsync(new DeleteInstanceProfileRequest("p"));
        await _harness.Iam.DeleteRoleAsync(new DeleteRoleRequest("r"));

        Assert.Equal(
            [
                "Action=PutRolePolicy&Version=2010-05-08&RoleName=r&PolicyName=outpost-access&PolicyDocument=%7B%22Version%22%3A%222012-10-17%22%7D",
                "Action=AttachRolePolicy&Version=2010-05-08&RoleName=r&PolicyArn=arn%3Aaws%3Aiam%3A%3Aaws%3Apolicy%2Fservice-role%2FAmazonEC2ContainerServiceforEC2Role",
                "Action=AddRoleToInstanceProfile&Version=2010-05-08&InstanceProfileName=p&RoleName=r",
                "Action=RemoveRoleFromInstanceProfile&Version=2010-05-08&InstanceProfileName=p&RoleName=r",
                "Action=DetachRolePolicy&Version=2010-05-08&RoleName=r&PolicyArn=arn%3Aaws%3Aiam%3A%3Aaws%3Apolicy%2Fservice-role%2FAmazonEC2ContainerServiceforEC2Role",
                "Action=DeleteRolePolicy&Version=2010-05-08&RoleName=r&PolicyName=outpost-access",
                "Action=DeleteInstanceProfile&Version=2010-05-08&InstanceProfileName=p",
                "Action=DeleteRole&Version=2010-05-08&RoleName=r",
            ],
            _harness.Handler.Requests.Select(r => r.BodyText));
    }
}
