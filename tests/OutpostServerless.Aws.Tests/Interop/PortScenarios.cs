using System.Text.Json.Nodes;
using OutpostServerless.Aws.Ecs;
using OutpostServerless.Aws.Errors;
using OutpostServerless.Aws.Iam;

namespace OutpostServerless.Aws.Tests.Interop;

/// <summary>
/// Call sequences the steps make, asserting the facts the steps rely on (statuses, tags, revisions,
/// error codes). They take only <see cref="AwsPorts"/>, so the same sequence can run against moto
/// through our clients, against the emulator's wire server, or against the in-memory ports.
/// </summary>
public static class PortScenarios
{
    public const string Tag = "outpost-serverless:provisioning-id";
    private const string TrustPolicy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";
    private const string EcsInstancePolicyArn = "arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role";

    /// <summary>Create with tags, describe with TAGS (a missing one as failure MISSING), delete to INACTIVE.</summary>
    public static async Task EcsClusterAsync(AwsPorts ports, string name)
    {
        var created = await ports.Ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = name, Tags = [new EcsTag(Tag, name)] });
        Assert.Equal((name, "ACTIVE", 0), (created.Cluster.ClusterName, created.Cluster.Status, created.Cluster.RegisteredContainerInstancesCount));

        var described = await ports.Ecs.DescribeClustersAsync(new DescribeClustersRequest { Clusters = [name, name + "-absent"], Include = ["TAGS"] });
        var cluster = Assert.Single(described.Clusters);
        Assert.Equal(created.Cluster.ClusterArn, cluster.ClusterArn);
        Assert.Contains(new EcsTag(Tag, name), cluster.Tags);
        var failure = Assert.Single(described.Failures);
        Assert.Equal(("MISSING", true), (failure.Reason, failure.Arn?.EndsWith(name + "-absent", StringComparison.Ordinal)));

        var deleted = await ports.Ecs.DeleteClusterAsync(new DeleteClusterRequest(name));
        Assert.Equal("INACTIVE", deleted.Cluster.Status);
    }

    /// <summary>Revisions count up per family, the latest is described with its tags, a revision deregisters to INACTIVE, an unknown family is ClientException.</summary>
    public static async Task TaskDefinitionsAsync(AwsPorts ports, string family)
    {
        var first = await ports.Ecs.RegisterTaskDefinitionAsync(new RegisterTaskDefinitionRequest { Family = family, ContainerDefinitions = Containers(), Tags = [new EcsTag(Tag, family)] });
        var second = await ports.Ecs.RegisterTaskDefinitionAsync(new RegisterTaskDefinitionRequest { Family = family, ContainerDefinitions = Containers(), Tags = [new EcsTag(Tag, family)] });
        Assert.Equal((1, 2, "ACTIVE"), (first.TaskDefinition.Revision, second.TaskDefinition.Revision, second.TaskDefinition.Status));

        var latest = await ports.Ecs.DescribeTaskDefinitionAsync(new DescribeTaskDefinitionRequest { TaskDefinition = family, Include = ["TAGS"] });
        Assert.Equal((second.TaskDefinition.TaskDefinitionArn, "web"), (latest.TaskDefinition.TaskDefinitionArn, latest.TaskDefinition.ContainerDefinitions[0]!["name"]!.GetValue<string>()));
        Assert.Contains(new EcsTag(Tag, family), latest.Tags);

        var deregistered = await ports.Ecs.DeregisterTaskDefinitionAsync(new DeregisterTaskDefinitionRequest($"{family}:1"));
        Assert.Equal("INACTIVE", deregistered.TaskDefinition.Status);

        var error = await Assert.ThrowsAsync<AwsServiceError>(() => ports.Ecs.DescribeTaskDefinitionAsync(new DescribeTaskDefinitionRequest { TaskDefinition = family + "-absent" }));
        Assert.Equal(EcsErrorCodes.ClientException, error.ErrorCode);
    }

    /// <summary>The instance role step and its rollback, with the codes the steps match on.</summary>
    public static async Task InstanceRoleAsync(AwsPorts ports, string roleName)
    {
        var profileName = roleName.Replace("Role", "Profile", StringComparison.Ordinal);
        var created = await ports.Iam.CreateRoleAsync(new CreateRoleRequest { RoleName = roleName, AssumeRolePolicyDocument = TrustPolicy, Tags = [new IamTag(Tag, roleName)] });
        Assert.Equal((roleName, $":role/{roleName}"), (created.Role.RoleName, created.Role.Arn[created.Role.Arn.IndexOf(":role/", StringComparison.Ordinal)..]));

        var again = await Assert.ThrowsAsync<AwsServiceError>(() => ports.Iam.CreateRoleAsync(new CreateRoleRequest { RoleName = roleName, AssumeRolePolicyDocument = TrustPolicy }));
        Assert.Equal(IamErrorCodes.EntityAlreadyExists, again.ErrorCode);

        var fetched = await ports.Iam.GetRoleAsync(new GetRoleRequest(roleName));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(TrustPolicy), JsonNode.Parse(fetched.Role.AssumeRolePolicyDocument!)), fetched.Role.AssumeRolePolicyDocument);
        Assert.Contains(new IamTag(Tag, roleName), fetched.Role.Tags);

        const string inline = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"outposts:GetOutpost","Resource":"*"}]}""";
        await ports.Iam.PutRolePolicyAsync(new PutRolePolicyRequest(roleName, "outpost-access", inline));
        var policy = await ports.Iam.GetRolePolicyAsync(new GetRolePolicyRequest(roleName, "outpost-access"));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(inline), JsonNode.Parse(policy.PolicyDocument)), policy.PolicyDocument);
        Assert.Equal(["outpost-access"], (await ports.Iam.ListRolePoliciesAsync(new ListRolePoliciesRequest(roleName))).PolicyNames);

        await ports.Iam.AttachRolePolicyAsync(new AttachRolePolicyRequest(roleName, EcsInstancePolicyArn));
        var attached = await ports.Iam.ListAttachedRolePoliciesAsync(new ListAttachedRolePoliciesRequest(roleName));
        Assert.Equal([new AttachedPolicy("AmazonEC2ContainerServiceforEC2Role", EcsInstancePolicyArn)], attached.AttachedPolicies);

        await ports.Iam.CreateInstanceProfileAsync(new CreateInstanceProfileRequest { InstanceProfileName = profileName });
        await ports.Iam.AddRoleToInstanceProfileAsync(new AddRoleToInstanceProfileRequest(profileName, roleName));
        var profile = await ports.Iam.GetInstanceProfileAsync(new GetInstanceProfileRequest(profileName));
        Assert.Equal(roleName, Assert.Single(profile.InstanceProfile.Roles).RoleName);

        await ports.Iam.RemoveRoleFromInstanceProfileAsync(new RemoveRoleFromInstanceProfileRequest(profileName, roleName));
        await ports.Iam.DeleteInstanceProfileAsync(new DeleteInstanceProfileRequest(profileName));
        await ports.Iam.DetachRolePolicyAsync(new DetachRolePolicyRequest(roleName, EcsInstancePolicyArn));
        await ports.Iam.DeleteRolePolicyAsync(new DeleteRolePolicyRequest(roleName, "outpost-access"));
        await ports.Iam.DeleteRoleAsync(new DeleteRoleRequest(roleName));

        var gone = await Assert.ThrowsAsync<AwsServiceError>(() => ports.Iam.GetRoleAsync(new GetRoleRequest(roleName)));
        Assert.Equal(IamErrorCodes.NoSuchEntity, gone.ErrorCode);
        var profileGone = await Assert.ThrowsAsync<AwsServiceError>(() => ports.Iam.GetInstanceProfileAsync(new GetInstanceProfileRequest(profileName)));
        Assert.Equal(IamErrorCodes.NoSuchEntity, profileGone.ErrorCode);
    }

    public static JsonArray Containers() => JsonNode.Parse("""[{"name":"web","image":"public.ecr.aws/nginx/nginx:latest","memory":256,"essential":true,"portMappings":[{"containerPort":80,"hostPort":80}]}]""")!.AsArray();
}
