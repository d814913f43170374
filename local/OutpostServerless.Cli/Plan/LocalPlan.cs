using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using OutpostServerless.Aws;
using OutpostServerless.Aws.Client.Endpoints;
using OutpostServerless.Emulator.Sam;
using OutpostServerless.Functions.Handlers;
using OutpostServerless.Local.StateFiles;
using OutpostServerless.Local.Workflow;
using OutpostServerless.Provisioning.Errors;
using OutpostServerless.Provisioning.Request;
using OutpostServerless.Provisioning.Status;
using OutpostServerless.Provisioning.Steps;

namespace OutpostServerless.Cli.Plan;

/// <summary>
/// <c>plan &lt;request.json&gt;</c>: the request validated as the stack's ValidateRequest function does (its
/// default capacity wait and managed-policy allow-list, from the template), then the domain's
/// <see cref="PlanProvisioning"/> (the apply workflow's own plan step) against the state file's world, an AWS
/// endpoint, or a new world. Reads only: the world is not saved, and the mutating calls are counted to prove it.
/// </summary>
public static class LocalPlan
{
    /// <exception cref="InvalidRequestException">The request is invalid: nothing was read.</exception>
    /// <exception cref="StateFileException">The state file is held by another command, or cannot be read.</exception>
    public static async Task<PlanReport> PlanAsync(
        JsonNode? request, string executionName, RequestValidator validator, string? stateFilePath, Uri? awsEndpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(validator);
        var validation = validator.Validate(request, executionName);
        var plan = validation.Plan ?? throw new InvalidRequestException(validation.Errors);
        if (awsEndpoint is not null)
        {
            var calls = new ClientCallCounter();
            using var clients = AwsPortsFactory.Create(AwsEndpointRun.ClientOptions(awsEndpoint, calls, new ProcessEnvironment()));
            var changes = await PlanOnAsync(clients.Ports, plan, cancellationToken);
            return PlanReport.From(changes, calls.MutatingTotal);
        }

        await using var stateFile = stateFilePath is null ? null : await StateFile.OpenAsync(stateFilePath, "plan", cancellationToken);
        var (cloud, _) = stateFile?.LoadOnVirtualClock() ?? LocalWorkflow.NewWorld();
        var mutatingBefore = cloud.Calls.MutatingTotal;
        var planned = await PlanOnAsync(cloud.Ports, plan, cancellationToken);
        return PlanReport.From(planned, cloud.Calls.MutatingTotal - mutatingBefore);
    }

    /// <summary>The validator of the template's ValidateRequest function, configured by its environment as on Lambda.</summary>
    public static RequestValidator ValidatorOf(SamTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var function = template.Functions.Values.FirstOrDefault(f => f.Handler == nameof(ValidateRequest))
            ?? throw new SamTemplateException("template.yaml", $"no function has Handler {nameof(ValidateRequest)}, so the stack's request rules are unknown");
        return StepSettings.From(function.Variables.GetValueOrDefault).Validator();
    }

    private static async Task<ChangeSet> PlanOnAsync(AwsPorts ports, ProvisioningPlan plan, CancellationToken cancellationToken) =>
        (await new PlanProvisioning(ports, NullLogger<PlanProvisioning>.Instance).PlanAsync(plan, cancellationToken)).ChangeSet;
}
