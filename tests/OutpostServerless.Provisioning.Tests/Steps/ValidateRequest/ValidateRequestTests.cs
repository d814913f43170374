using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using OutpostServerless.Provisioning.Errors;
using OutpostServerless.Provisioning.Request;
using OutpostServerless.Provisioning.Steps;
using OutpostServerless.Provisioning.Tests.Request;
using Xunit;

namespace OutpostServerless.Provisioning.Tests.Steps.ValidateRequest;

public sealed class ValidateRequestTests
{
    private static Provisioning.Steps.ValidateRequest Step() => new(NullLogger<Provisioning.Steps.ValidateRequest>.Instance);

    [Fact]
    public async Task ValidateRequest_returns_the_plan_of_a_valid_request()
    {
        var plan = await Step().RunAsync(
            new ValidateRequestInput(SampleRequests.Parse(SampleRequests.BatchTask), SampleRequests.BatchExecutionName),
            CancellationToken.None);

        Assert.Equal(SampleRequests.BatchExecutionName, plan.ProvisioningId);
    }

    [Fact]
    public async Task ValidateRequest_refuses_a_bad_request_as_Provisioning_InvalidRequest_with_every_field_error()
    {
        var request = SampleRequests.Parse(SampleRequests.WebService);
        RequestEdit.Apply(request, "network.subnetCidr", "\"10.99.0.0/24\"");
        RequestEdit.Apply(request, "cluster.instanceCount", "0");

        var error = await Assert.ThrowsAsync<InvalidRequestException>(() => Step().RunAsync(new ValidateRequestInput(request, null), CancellationToken.None));

        Assert.Equal("Provisioning.InvalidRequest", error.ErrorName);
        Assert.Equal(["network.subnetCidr", "cluster.instanceCount"], error.Errors.Select(e => e.Field));
    }

    [Fact]
    public async Task The_message_lists_each_error_as_field_reason_fix()
    {
        var request = SampleRequests.Parse(SampleRequests.WebService);
        RequestEdit.Apply(request, "network.subnetCidr", "\"10.99.0.0/24\"");
        RequestEdit.Apply(request, "workload.taskDefinition.requiresCompatibilities", "[\"FARGATE\"]");

        var error = await Assert.ThrowsAsync<InvalidRequestException>(() => Step().RunAsync(new ValidateRequestInput(request, null), CancellationToken.None));

        var lines = error.Message.Split('\n');
        Assert.Equal(error.Errors.Count + 1, lines.Length);
        Assert.Equal(error.Errors.Select(e => $"{e.Field}: {e.Reason}. Fix: {e.Fix}"), lines.Skip(1));
    }

    [Fact]
    public void A_very_long_list_of_errors_is_cut_to_fit_a_Step_Functions_cause()
    {
        var errors = Enumerable.Range(0, 2_000).Select(i => new FieldError($"network.ingress[{i}].cidr", "is not a CIDR block", "write a CIDR such as 10.0.3.0/24")).ToList();

        var error = new InvalidRequestException(errors);

        Assert.True(error.Message.Length <= 32_768);
        Assert.EndsWith("more.", error.Message, StringComparison.Ordinal);
        Assert.Equal(2_000, error.Errors.Count);
    }

    [Fact]
    public async Task An_execution_without_a_request_is_refused_not_crashed()
    {
        var error = await Assert.ThrowsAsync<InvalidRequestException>(() => Step().RunAsync(new ValidateRequestInput(null, "exec-1"), CancellationToken.None));

        Assert.Equal("$", Assert.Single(error.Errors).Field);
    }

    [Fact]
    public void ValidateRequest_takes_no_AWS_ports()
    {
        var parameters = typeof(Provisioning.Steps.ValidateRequest).GetConstructors().SelectMany(c => c.GetParameters());

        Assert.DoesNotContain(parameters, p => p.ParameterType.Namespace?.StartsWith("OutpostServerless.Aws", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task The_step_input_reads_from_the_state_machine_JSON()
    {
        var json = $$"""{ "request": {{SampleRequests.BatchTask}}, "executionName": "{{SampleRequests.BatchExecutionName}}" }""";

        var input = JsonSerializer.Deserialize(json, RequestJsonContext.Default.ValidateRequestInput)!;
        var plan = await Step().RunAsync(input, CancellationToken.None);

        Assert.Equal("ledger-reconcile", plan.Workload.Family);
    }

    [Fact]
    public async Task A_cancelled_validation_does_not_run()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Step().RunAsync(new ValidateRequestInput(new JsonObject(), "exec-1"), cancelled.Token));
    }
}
