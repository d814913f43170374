using System.Text.Json.Nodes;
using OutpostServerless.Provisioning.Request;
using Xunit;

namespace OutpostServerless.Provisioning.Tests.Request;

/// <summary>
/// Every rule, schema or semantic, on a request that is valid but for one edit: the request is refused
/// and the error names the edited field with a reason and a fix.
/// </summary>
public sealed class RequestValidatorRejectionTests
{
    private const string Web = "web";
    private const string Batch = "batch";
    private const string Remove = RequestEdit.Remove;

    private static readonly RequestValidator Validator = new();

    public static TheoryData<string, string, string, string> BadRequests() => new()
    {
        // Required members.
        { Web, "outpostArn", Remove, "outpostArn" },
        { Web, "availabilityZoneId", Remove, "availabilityZoneId" },
        { Web, "network", Remove, "network" },
        { Web, "cluster", Remove, "cluster" },
        { Web, "workload", Remove, "workload" },
        { Web, "network.subnetCidr", Remove, "network.subnetCidr" },
        { Web, "network.vpcCidr", Remove, "network.vpcCidr" },
        { Batch, "network.vpcCidr", "\"10.0.0.0/16\"", "network.vpcCidr" },
        { Web, "cluster.instanceType", Remove, "cluster.instanceType" },
        { Web, "cluster.instanceCount", Remove, "cluster.instanceCount" },
        { Web, "workload.mode", Remove, "workload.mode" },
        { Web, "workload.taskDefinition", Remove, "workload.taskDefinition" },
        { Web, "workload.taskDefinition.family", Remove, "workload.taskDefinition.family" },
        { Web, "workload.taskDefinition.containerDefinitions", Remove, "workload.taskDefinition.containerDefinitions" },
        { Web, "workload.taskDefinition.containerDefinitions[0].image", Remove, "workload.taskDefinition.containerDefinitions[0].image" },
        { Web, "workload.taskDefinition.containerDefinitions[0].name", Remove, "workload.taskDefinition.containerDefinitions[0].name" },
        { Web, "network.ingress[0].protocol", Remove, "network.ingress[0].protocol" },
        { Web, "network.ingress[0].cidr", Remove, "network.ingress[0].cidr" },

        // Egress: a mode that exists, and each mode's ids where (and only where) it uses them.
        { Web, "network.egress", "{\"mode\":\"satellite\"}", "network.egress.mode" },
        { Web, "network.egress", "{\"mode\":\"existing\"}", "network.egress.mode" },
        { Web, "network.egress", "{\"mode\":\"local-gateway\",\"customerOwnedIpv4Pool\":\"ipv4pool-coip-0a1b2c3d4e5f60001\"}", "network.egress.localGatewayId" },
        { Web, "network.egress", "{\"mode\":\"local-gateway\",\"localGatewayId\":\"lgw-0a1b2c3d4e5f60001\"}", "network.egress.customerOwnedIpv4Pool" },
        { Web, "network.egress", "{\"localGatewayId\":\"lgw-0a1b2c3d4e5f60001\"}", "network.egress.localGatewayId" },
        { Web, "network.egress", "{\"mode\":\"internet-gateway\",\"customerOwnedIpv4Pool\":\"ipv4pool-coip-0a1b2c3d4e5f60001\"}", "network.egress.customerOwnedIpv4Pool" },
        { Web, "network.egress", "{\"mode\":\"local-gateway\",\"localGatewayId\":\"igw-0a1b2c3d4e5f60001\",\"customerOwnedIpv4Pool\":\"ipv4pool-coip-0a1b2c3d4e5f60001\"}", "network.egress.localGatewayId" },

        // Wrong JSON types.
        { Web, "outpostArn", "5", "outpostArn" },
        { Web, "network", "\"10.0.0.0/16\"", "network" },
        { Web, "network.ingress", "{}", "network.ingress" },
        { Web, "network.ingress[0]", "\"tcp/443\"", "network.ingress[0]" },
        { Web, "network.ingress[0].fromPort", "\"443\"", "network.ingress[0].fromPort" },
        { Web, "network.allowSshFromAnywhere", "\"yes\"", "network.allowSshFromAnywhere" },
        { Web, "iam", "[]", "iam" },
        { Web, "iam.managedPolicyArns", "\"arn:aws:iam::aws:policy/ReadOnlyAccess\"", "iam.managedPolicyArns" },
        { Web, "iam.managedPolicyArns[0]", "7", "iam.managedPolicyArns[0]" },
        { Web, "cluster.instanceCount", "\"3\"", "cluster.instanceCount" },
        { Web, "cluster.instanceCount", "2.5", "cluster.instanceCount" },
        { Web, "cluster.instanceCount", "2.0", "cluster.instanceCount" },
        { Web, "cluster.instanceCount", "null", "cluster.instanceCount" },
        { Web, "cluster.containerInstanceTags", "[\"team=shop\"]", "cluster.containerInstanceTags" },
        { Web, "cluster.containerInstanceTags.team", "5", "cluster.containerInstanceTags.team" },
        { Web, "workload.desiredCount", "true", "workload.desiredCount" },
        { Web, "workload.taskDefinition", "\"shop-web:3\"", "workload.taskDefinition" },
        { Web, "workload.taskDefinition.containerDefinitions", "{}", "workload.taskDefinition.containerDefinitions" },
        { Web, "workload.taskDefinition.containerDefinitions[0]", "\"web\"", "workload.taskDefinition.containerDefinitions[0]" },
        { Web, "capacityWait.maxSeconds", "\"1h\"", "capacityWait.maxSeconds" },
        { Web, "onFailure", "false", "onFailure" },

        // Unknown members (ours are closed; the task definition is ECS's own shape).
        { Web, "extra", "1", "extra" },
        { Web, "OutpostArn", "\"x\"", "OutpostArn" },
        { Web, "network.subnet", "\"10.20.4.0/24\"", "network.subnet" },
        { Web, "network.ingress[0].port", "443", "network.ingress[0].port" },
        { Web, "iam.policies", "[]", "iam.policies" },
        { Web, "cluster.minSize", "1", "cluster.minSize" },
        { Web, "capacityWait.seconds", "60", "capacityWait.seconds" },

        // Enums.
        { Web, "workload.mode", "\"daemon\"", "workload.mode" },
        { Web, "onFailure", "\"delete\"", "onFailure" },
        { Web, "cluster.imagePullBehavior", "\"never\"", "cluster.imagePullBehavior" },
        { Web, "network.ingress[0].protocol", "\"https\"", "network.ingress[0].protocol" },
        { Web, "workload.taskDefinition.networkMode", "\"nat\"", "workload.taskDefinition.networkMode" },
        { Web, "workload.taskDefinition.networkMode", "\"awsvpc\"", "workload.taskDefinition.networkMode" },
        { Web, "workload.taskDefinition.volumes", "[{\"name\": \"data\"}]", "workload.taskDefinition.volumes" },
        { Web, "workload.taskDefinition.placementConstraints", "[]", "workload.taskDefinition.placementConstraints" },
        { Web, "workload.taskDefinition.taskRoleArn", "\"arn:aws:iam::123456789012:role/app\"", "workload.taskDefinition.taskRoleArn" },
        { Web, "workload.taskDefinition.executionRoleArn", "\"arn:aws:iam::123456789012:role/ecsTaskExecutionRole\"", "workload.taskDefinition.executionRoleArn" },
        { Web, "workload.taskDefinition.family2", "\"x\"", "workload.taskDefinition.family2" },

        // Ranges.
        { Web, "cluster.instanceCount", "0", "cluster.instanceCount" },
        { Web, "cluster.instanceCount", "101", "cluster.instanceCount" },
        { Web, "cluster.instanceCount", "1e400", "cluster.instanceCount" },
        { Web, "workload.desiredCount", "-1", "workload.desiredCount" },
        { Web, "workload.desiredCount", "1001", "workload.desiredCount" },
        { Web, "network.ingress[0].fromPort", "70000", "network.ingress[0].fromPort" },
        { Web, "network.ingress[0].toPort", "-2", "network.ingress[0].toPort" },
        { Web, "capacityWait.maxSeconds", "-1", "capacityWait.maxSeconds" },
        { Web, "capacityWait.maxSeconds", "86401", "capacityWait.maxSeconds" },
        { Web, "capacityWait.pollSeconds", "5", "capacityWait.pollSeconds" },
        { Web, "capacityWait.pollSeconds", "3601", "capacityWait.pollSeconds" },

        // Formats the schema states.
        { Batch, "network.vpcId", "\"vpc-123\"", "network.vpcId" },
        { Web, "cluster.amiId", "\"ami-XYZ\"", "cluster.amiId" },
        { Web, "cluster.instanceType", "\"C5 large\"", "cluster.instanceType" },
        { Web, "network.ingress[0].description", "\"HTTPS <from> anywhere\"", "network.ingress[0].description" },

        // Huge strings and control characters.
        { Web, "provisioningId", Json(new string('a', 10_000)), "provisioningId" },
        { Web, "network.ingress[0].description", Json(new string('d', 256)), "network.ingress[0].description" },
        { Web, "cluster.keyName", Json(new string('k', 256)), "cluster.keyName" },
        { Web, "provisioningId", Json("shop-web\n"), "provisioningId" },
        { Web, "cluster.keyName", Json("shop\u0000ops"), "cluster.keyName" },
        { Web, "cluster.instanceType", Json("c5.large\n"), "cluster.instanceType" },
        { Web, "network.ingress[0].description", Json("HTTPS\tfrom anywhere"), "network.ingress[0].description" },
        { Web, "cluster.containerInstanceTags.team", Json("shop\nECS_CLUSTER=other"), "cluster.containerInstanceTags.team" },
        { Web, "workload.taskDefinition.family", Json("shop-web\n"), "workload.taskDefinition.family" },

        // CIDRs: parse, IPv4 only for VPC and subnet, /16 to /28, subnet inside the VPC.
        { Web, "network.vpcCidr", "\"10.20.0/16\"", "network.vpcCidr" },
        { Web, "network.vpcCidr", "\"300.20.0.0/16\"", "network.vpcCidr" },
        { Web, "network.vpcCidr", "\"010.20.0.0/16\"", "network.vpcCidr" },
        { Web, "network.vpcCidr", "\"10.20.0.0/33\"", "network.vpcCidr" },
        { Web, "network.vpcCidr", "\"10.20.0.0\"", "network.vpcCidr" },
        { Web, "network.vpcCidr", "\"10.0.0.0/8\"", "network.vpcCidr" },
        { Web, "network.subnetCidr", "\"10.20.4.0/29\"", "network.subnetCidr" },
        { Web, "network.subnetCidr", "\"fd00:20:4::/64\"", "network.subnetCidr" },
        { Web, "network.subnetCidr", "\"10.21.4.0/24\"", "network.subnetCidr" },
        { Web, "network.subnetCidr", "\"10.20.0.0/15\"", "network.subnetCidr" },
        { Web, "network.ingress[0].cidr", "\"0.0.0.0\"", "network.ingress[0].cidr" },
        { Web, "network.ingress[0].cidr", "\"2001:db8::/129\"", "network.ingress[0].cidr" },
        { Web, "network.ingress[0].cidr", "\"anywhere/0\"", "network.ingress[0].cidr" },

        // The Outpost ARN and the Availability Zone.
        { Web, "outpostArn", "\"arn:aws:ec2:us-west-2:111122223333:outpost/op-0abcdef0123456789\"", "outpostArn" },
        { Web, "outpostArn", "\"arn:aws:outposts:us-west-2:11112222333:outpost/op-0abcdef0123456789\"", "outpostArn" },
        { Web, "outpostArn", "\"arn:aws:outposts:us-west-2:111122223333:outpost/op-0ABCDEF0123456789\"", "outpostArn" },
        { Web, "outpostArn", "\"op-0abcdef0123456789\"", "outpostArn" },
        { Web, "availabilityZoneId", "\"us-west-2a\"", "availabilityZoneId" },
        { Web, "availabilityZoneId", "\"use1-az1\"", "availabilityZoneId" },

        // Names ECS and IAM refuse; the provisioning id.
        { Web, "provisioningId", "\"shop web\"", "provisioningId" },
        { Web, "provisioningId", "\"sg-shop\"", "provisioningId" },
        { Web, "provisioningId", Json(new string('p', 65)), "provisioningId" },
        { Web, "provisioningId", "\"\"", "provisioningId" },
        { Web, "cluster.name", "\"shop cluster\"", "cluster.name" },
        { Web, "cluster.name", Json(new string('c', 256)), "cluster.name" },
        { Web, "workload.serviceName", "\"shop.frontend\"", "workload.serviceName" },
        { Web, "workload.taskDefinition.family", "\"shop-web:3\"", "workload.taskDefinition.family" },
        { Web, "workload.taskDefinition.containerDefinitions[0].name", "\"web server\"", "workload.taskDefinition.containerDefinitions[0].name" },
        { Web, "workload.taskDefinition.containerDefinitions[0].image", "\"shop web:latest\"", "workload.taskDefinition.containerDefinitions[0].image" },
        { Web, "workload.taskDefinition.containerDefinitions[1]", "{\"name\": \"web\", \"image\": \"busybox\"}", "workload.taskDefinition.containerDefinitions[1].name" },
        { Web, "iam.roleName", "\"shop/web\"", "iam.roleName" },
        { Web, "iam.roleName", Json(new string('r', 65)), "iam.roleName" },

        // Fargate does not exist on Outposts.
        { Web, "workload.taskDefinition.requiresCompatibilities", "[\"FARGATE\"]", "workload.taskDefinition.requiresCompatibilities[0]" },
        { Web, "workload.taskDefinition.requiresCompatibilities", "[\"EC2\", \"FARGATE\"]", "workload.taskDefinition.requiresCompatibilities[1]" },
        { Web, "workload.taskDefinition.requiresCompatibilities", "[\"EXTERNAL\"]", "workload.taskDefinition.requiresCompatibilities" },
        { Web, "workload.launchType", "\"FARGATE\"", "workload.launchType" },
        { Web, "workload.taskDefinition.launchType", "\"FARGATE\"", "workload.taskDefinition.launchType" },

        // Security group rules.
        { Web, "network.ingress[1].cidr", "\"0.0.0.0/0\"", "network.ingress[1].cidr" },
        { Web, "network.ingress[3]", "{\"protocol\": \"tcp\", \"fromPort\": 0, \"toPort\": 1024, \"cidr\": \"::/0\"}", "network.ingress[3].cidr" },
        { Web, "network.ingress[3]", "{\"protocol\": \"-1\", \"cidr\": \"0.0.0.0/0\"}", "network.ingress[3].cidr" },
        { Web, "network.ingress[0].toPort", "80", "network.ingress[0].toPort" },
        { Web, "network.ingress[0].fromPort", Remove, "network.ingress[0].fromPort" },
        { Web, "network.ingress[0].fromPort", "-1", "network.ingress[0].fromPort" },
        { Web, "network.ingress[2].toPort", "256", "network.ingress[2].toPort" },
        { Web, "network.ingress[2]", "{\"protocol\": \"icmp\", \"fromPort\": -1, \"toPort\": 3, \"cidr\": \"10.0.0.0/8\"}", "network.ingress[2].toPort" },
        { Web, "network.ingress[3]", "{\"protocol\": \"-1\", \"fromPort\": 80, \"cidr\": \"10.20.0.0/16\"}", "network.ingress[3].fromPort" },
        { Web, "network.ingress[3]", "{\"protocol\": \"tcp\", \"fromPort\": 443, \"cidr\": \"0.0.0.0/0\"}", "network.ingress[3]" },

        // IAM policies.
        { Web, "iam.managedPolicyArns[0]", "\"AmazonSSMManagedInstanceCore\"", "iam.managedPolicyArns[0]" },
        { Web, "iam.managedPolicyArns[0]", "\"arn:aws:iam::aws:role/AmazonSSMManagedInstanceCore\"", "iam.managedPolicyArns[0]" },
        { Web, "iam.managedPolicyArns[0]", "\"arn:aws-cn:iam::aws:policy/AmazonSSMManagedInstanceCore\"", "iam.managedPolicyArns[0]" },

        // Container instance tags (ECS agent limits).
        { Web, "cluster.containerInstanceTags.team", Json(new string('v', 257)), "cluster.containerInstanceTags.team" },
        { Web, "cluster.containerInstanceTags.team", "\"shop\\\"s\"", "cluster.containerInstanceTags.team" },
        { Web, "cluster.containerInstanceTags.owner", "\"aws:shop\"", "cluster.containerInstanceTags.owner" },
        { Web, "cluster.containerInstanceTags", Json129CharacterKey(), "cluster.containerInstanceTags[\"" + new string('k', 64) + "…\"]" },
        { Web, "cluster.containerInstanceTags", "{\"aws:owner\": \"shop\"}", "cluster.containerInstanceTags[\"aws:owner\"]" },
        { Web, "cluster.containerInstanceTags", "{\"outpost-serverless:step\": \"x\"}", "cluster.containerInstanceTags[\"outpost-serverless:step\"]" },
        { Web, "cluster.containerInstanceTags", "{\"cost center!\": \"x\"}", "cluster.containerInstanceTags[\"cost center!\"]" },

        // The task definition and the workload mode.
        { Web, "workload.taskDefinition.containerDefinitions", "[]", "workload.taskDefinition.containerDefinitions" },
        { Batch, "workload.desiredCount", "0", "workload.desiredCount" },
        { Batch, "workload.serviceName", "\"reconcile\"", "workload.serviceName" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public void A_bad_request_is_refused_naming_its_field(string sample, string path, string json, string field)
    {
        var request = RequestEdit.Apply(SampleRequests.Parse(sample == Web ? SampleRequests.WebService : SampleRequests.BatchTask), path, json);

        var validation = Validator.Validate(request, SampleRequests.BatchExecutionName);

        Assert.False(validation.IsValid);
        var error = Assert.Single(validation.Errors, e => e.Field == field);
        Assert.False(string.IsNullOrWhiteSpace(error.Reason));
        Assert.False(string.IsNullOrWhiteSpace(error.Fix));
    }

    [Theory]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("\"provision please\"")]
    [InlineData("42")]
    public void A_request_that_is_not_an_object_is_refused_at_the_root(string json)
    {
        var validation = Validator.Validate(JsonNode.Parse(json), "exec-1");

        Assert.Contains(validation.Errors, e => e.Field == "$" && e.Reason.Length > 0);
    }

    [Fact]
    public void A_request_over_the_Step_Functions_payload_limit_is_refused_at_the_root()
    {
        var request = RequestEdit.Apply(
            SampleRequests.Parse(SampleRequests.WebService),
            "workload.taskDefinition.containerDefinitions[0].environment",
            $$"""[{ "name": "BLOB", "value": "{{new string('x', RequestValidator.MaxRequestBytes)}}" }]""");

        var validation = Validator.Validate(request, null);

        var error = Assert.Single(validation.Errors);
        Assert.Equal("$", error.Field);
    }

    [Fact]
    public void A_request_with_a_duplicate_member_is_refused_at_the_root_not_thrown()
    {
        var request = JsonNode.Parse("""{ "outpostArn": "a", "outpostArn": "b" }""");

        var validation = Validator.Validate(request, "exec-1");

        Assert.Equal("$", Assert.Single(validation.Errors).Field);
    }

    [Fact]
    public void A_request_nested_deeper_than_JSON_readers_allow_is_refused_at_the_root_not_thrown()
    {
        JsonNode nested = new JsonArray();
        for (var i = 0; i < 100; i++)
        {
            nested = new JsonArray(nested);
        }

        var request = SampleRequests.Parse(SampleRequests.WebService);
        request["workload"]!["taskDefinition"]!["volumes"] = nested;

        Assert.Equal("$", Assert.Single(Validator.Validate(request, null).Errors).Field);
    }

    [Fact]
    public void Without_a_provisioning_id_an_invalid_execution_name_is_refused_on_provisioningId()
    {
        var validation = Validator.Validate(SampleRequests.Parse(SampleRequests.BatchTask), "nightly run #7");

        Assert.Contains(validation.Errors, e => e.Field == "provisioningId" && e.Reason.Contains("nightly run #7", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_a_provisioning_id_or_an_execution_name_the_request_is_refused_on_provisioningId()
    {
        var validation = Validator.Validate(SampleRequests.Parse(SampleRequests.BatchTask), null);

        Assert.Equal("provisioningId", Assert.Single(validation.Errors).Field);
    }

    [Fact]
    public void Every_violation_of_a_rule_is_reported_not_only_the_first()
    {
        var request = SampleRequests.Parse(SampleRequests.WebService);
        RequestEdit.Apply(request, "network.ingress[0].cidr", "\"0.0.0.0/0\"");
        RequestEdit.Apply(request, "network.ingress[0].fromPort", "22");
        RequestEdit.Apply(request, "network.ingress[0].toPort", "22");
        RequestEdit.Apply(request, "network.ingress[1].cidr", "\"::/0\"");

        var validation = Validator.Validate(request, null);

        Assert.Equal(["network.ingress[0].cidr", "network.ingress[1].cidr"], validation.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Errors_in_different_fields_are_all_reported_together()
    {
        var request = SampleRequests.Parse(SampleRequests.WebService);
        RequestEdit.Apply(request, "availabilityZoneId", "\"usw2\"");
        RequestEdit.Apply(request, "network.subnetCidr", "\"10.99.0.0/24\"");
        RequestEdit.Apply(request, "cluster.instanceCount", "\"three\"");
        RequestEdit.Apply(request, "workload.taskDefinition.requiresCompatibilities", "[\"FARGATE\"]");

        var validation = Validator.Validate(request, null);

        Assert.Equal(
            ["availabilityZoneId", "network.subnetCidr", "cluster.instanceCount", "workload.taskDefinition.requiresCompatibilities[0]"],
            validation.Errors.Select(e => e.Field));
    }

    [Fact]
    public void A_VPC_given_twice_is_blamed_on_vpcCidr_not_on_the_subnet()
    {
        var request = RequestEdit.Apply(SampleRequests.Parse(SampleRequests.BatchTask), "network.vpcCidr", "\"10.0.0.0/16\"");

        var validation = Validator.Validate(request, SampleRequests.BatchExecutionName);

        Assert.Equal("network.vpcCidr", Assert.Single(validation.Errors).Field);
    }

    [Fact]
    public void A_member_written_in_other_case_is_named_with_the_right_spelling()
    {
        var request = RequestEdit.Apply(SampleRequests.Parse(SampleRequests.WebService), "network.SubnetCidr", "\"10.20.4.0/24\"");

        var validation = Validator.Validate(request, null);

        Assert.Contains("subnetCidr", Assert.Single(validation.Errors).Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void A_control_character_in_an_unknown_member_name_is_escaped_in_the_field()
    {
        var request = RequestEdit.Apply(SampleRequests.Parse(SampleRequests.WebService), "network.bad\nname", "1");

        var error = Assert.Single(Validator.Validate(request, null).Errors);

        Assert.Equal("network[\"bad\\nname\"]", error.Field);
    }

    private static string Json(string text) => JsonValue.Create(text).ToJsonString();

    private static string Json129CharacterKey() => new JsonObject { [new string('k', 129)] = "v" }.ToJsonString();
}
