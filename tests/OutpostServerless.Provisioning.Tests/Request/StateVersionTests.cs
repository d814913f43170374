using System.Text.Json;
using System.Text.Json.Nodes;
using OutpostServerless.Provisioning.Errors;
using OutpostServerless.Provisioning.Request;
using Xunit;

namespace OutpostServerless.Provisioning.Tests.Request;

/// <summary>
/// The plan is the state document an execution carries for hours and a record keeps for teardown: it says which
/// shape it is in, and a step refuses a shape it does not know instead of misreading it.
/// </summary>
public sealed class StateVersionTests
{
    private static JsonObject PlanJson() =>
        JsonSerializer.SerializeToNode(new RequestValidator().Validate(SampleRequests.Parse(SampleRequests.WebService), "exec-1").Plan, RequestJsonContext.Default.ProvisioningPlan)!.AsObject();

    [Fact]
    public void A_plan_carries_the_state_version_it_was_written_in_and_reads_back_unchanged()
    {
        var json = PlanJson();

        Assert.Equal(ProvisioningPlan.CurrentStateVersion, json["stateVersion"]!.GetValue<int>());
        Assert.Equal(json.ToJsonString(), JsonSerializer.SerializeToNode(json.Deserialize(RequestJsonContext.Default.ProvisioningPlan), RequestJsonContext.Default.ProvisioningPlan)!.ToJsonString());
    }

    [Fact]
    public void A_plan_from_a_newer_deployment_is_refused_by_name_naming_the_field_and_the_fix()
    {
        var json = PlanJson();
        json["stateVersion"] = ProvisioningPlan.CurrentStateVersion + 1;

        var refused = Assert.Throws<UnsupportedStateVersionException>(() => json.Deserialize(RequestJsonContext.Default.ProvisioningPlan));

        Assert.Equal("Provisioning.UnsupportedStateVersion", refused.ErrorName);
        Assert.Equal(ProvisioningPlan.CurrentStateVersion + 1, refused.Version);
        Assert.StartsWith("plan.stateVersion: 2 is not a state document this deployment understands (it reads version 1). Fix: ", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plan_written_before_state_versions_existed_reads_as_the_first_version()
    {
        var json = PlanJson();
        json.Remove("stateVersion");

        Assert.Equal(1, json.Deserialize(RequestJsonContext.Default.ProvisioningPlan)!.StateVersion);
    }
}
