using System.Text.Json.Nodes;
using OutpostServerless.Provisioning.Request;
using Xunit;

namespace OutpostServerless.Provisioning.Tests.Request;

/// <summary>The stack's AllowedManagedPolicyArns: a request may ask for those and the ECS instance policy, nothing else.</summary>
public sealed class ManagedPolicyAllowListTests
{
    private const string Ssm = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore";
    private const string Admin = "arn:aws:iam::aws:policy/AdministratorAccess";

    private static readonly RequestValidator Validator = new(RequestSchema.Shared, allowedManagedPolicyArns: [Ssm]);

    private static JsonObject RequestWith(params string[] policies)
    {
        var request = SampleRequests.Parse(SampleRequests.WebService);
        request["iam"]!["managedPolicyArns"] = new JsonArray([.. policies.Select(p => (JsonNode)p)]);
        return request;
    }

    [Fact]
    public void An_escalation_to_AdministratorAccess_is_refused_naming_the_field_the_allowed_policies_and_the_fix()
    {
        var validation = Validator.Validate(RequestWith(Ssm, Admin), "escalate");

        var error = Assert.Single(validation.Errors);
        Assert.Equal("iam.managedPolicyArns[1]", error.Field);
        Assert.Equal($"\"{Admin}\" is not one of the managed policies this stack allows ({Ssm})", error.Reason);
        Assert.Contains("AllowedManagedPolicyArns", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Allowed_policies_and_the_ECS_instance_policy_pass()
    {
        var validation = Validator.Validate(RequestWith(Ssm, ManagedPolicyArn.EcsInstancePolicy("aws")), "allowed");

        Assert.True(validation.IsValid, string.Join("; ", validation.Errors));
    }

    [Fact]
    public void Without_an_allow_list_any_well_formed_policy_passes()
    {
        Assert.True(new RequestValidator().Validate(RequestWith(Admin), "unrestricted").IsValid);
    }
}
