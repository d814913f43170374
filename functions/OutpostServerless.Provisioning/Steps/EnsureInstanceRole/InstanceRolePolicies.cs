using System.Text.Json.Nodes;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>The policy documents of the container instance role.</summary>
public static class InstanceRolePolicies
{
    /// <summary>The name of the one inline policy the role carries.</summary>
    public const string InlinePolicyName = "outpost-serverless-instance";

    /// <summary>Lets EC2 instances (the container instances) assume the role.</summary>
    public const string Ec2TrustPolicy =
        """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    /// <summary>
    /// What the instance needs beyond AmazonEC2ContainerServiceforEC2Role (which the plan always
    /// attaches and which covers registration, polling, ECR pulls and logs). Our user data sets
    /// ECS_CONTAINER_INSTANCE_TAGS, which makes RegisterContainerInstance a tag-on-create call that
    /// ECS authorizes against <c>ecs:TagResource</c>. The managed policy grants that today; this
    /// statement pins the dependency so registration keeps working if the managed policy list is
    /// ever narrowed, and grants nothing else (tagging only during that one create action).
    /// </summary>
    public const string InlinePolicy =
        """{"Version":"2012-10-17","Statement":[{"Sid":"TagContainerInstanceOnRegistration","Effect":"Allow","Action":"ecs:TagResource","Resource":"*","Condition":{"StringEquals":{"ecs:CreateAction":"RegisterContainerInstance"}}}]}""";

    /// <summary>Policy documents compare as JSON: IAM may return them reformatted or URL-encoded.</summary>
    public static bool AreEquivalent(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return a == b;
        }
        try
        {
            return JsonNode.DeepEquals(JsonNode.Parse(Decode(a)), JsonNode.Parse(Decode(b)));
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private static string Decode(string document) =>
        document.TrimStart().StartsWith('{') ? document : Uri.UnescapeDataString(document);
}
