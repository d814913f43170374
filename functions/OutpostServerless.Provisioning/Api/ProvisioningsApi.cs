using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using OutpostServerless.Aws.StepFunctions;
using OutpostServerless.Provisioning.Errors;
using OutpostServerless.Provisioning.Records;
using OutpostServerless.Provisioning.Request;
using OutpostServerless.Provisioning.Status;
using OutpostServerless.Provisioning.Steps;

namespace OutpostServerless.Provisioning.Api;

/// <summary>
/// <c>POST /provisionings</c> (<c>?dryRun=true</c>: the plan only), <c>DELETE /provisionings/{id}</c>, <c>GET /provisionings/{id}</c>: the
/// provisioning's record decides. An apply or teardown starts an execution named
/// <c>&lt;id&gt;-&lt;generation&gt;</c> (the record's generation plus one), so a re-POST of an id is an
/// update and execution names never repeat; a change already running is 409 before anything starts (and
/// two requests racing for one generation collide on the name: Step Functions' ExecutionAlreadyExists, 409 too).
/// BeginChange in the state machine remains the lock's only owner: the API only reads the record.
/// </summary>
public sealed class ProvisioningsApi(
    ProvisioningRecords records,
    IStepFunctions stepFunctions,
    RequestValidator validator,
    ProvisioningsApiOptions options,
    TimeProvider clock,
    ProvisioningStatusReader status,
    PlanProvisioning planner)
{
    /// <summary>The execution a dry run plans as: it owns nothing, so the plan treats everything found as existing before it.</summary>
    private const string DryRunExecution = "dry-run";

    public async Task<ApiResponse> ApplyAsync(JsonNode? body, CancellationToken cancellationToken)
    {
        if (Validate(body, executionName: null) is ({ } invalid, _))
        {
            return invalid;
        }

        var id = body!["provisioningId"]!.GetValue<string>();
        var record = await records.GetAsync(id, cancellationToken);
        return await StartAsync(record, id, options.ApplyStateMachineArn, body.ToJsonString(), cancellationToken);
    }

    public async Task<ApiResponse> TeardownAsync(string id, CancellationToken cancellationToken)
    {
        var record = await records.GetAsync(id, cancellationToken);
        // As BeginChange: no plan to take names from, nothing to tear down. A torn-down one may be torn down
        // again (it finds nothing and changes nothing), as a second terraform destroy does.
        if (record?.TeardownPlan is null)
        {
            return NotFound(id);
        }

        if (options.TeardownStateMachineArn is not { } teardown)
        {
            return ApiResponse.Error(501, "NotImplemented", "This stack has no teardown state machine (TeardownStateMachine).");
        }

        return await StartAsync(record, id, teardown, new JsonObject { ["provisioningId"] = id }.ToJsonString(), cancellationToken);
    }

    /// <summary>GET: the provisioning's record, what exists of it in the world now, and its drift from the last applied plan.</summary>
    public async Task<ApiResponse> StatusAsync(string id, CancellationToken cancellationToken) =>
        await status.ReadAsync(id, cancellationToken) is { } report
            ? new ApiResponse(200, JsonSerializer.SerializeToNode(report, StatusJsonContext.Default.ProvisioningStatusReport)!.AsObject())
            : NotFound(id);

    /// <summary>
    /// POST with <c>dryRun=true</c>: the plan of the request against the world, refusals included, as <c>plan --json</c>
    /// prints it; reads only and starts nothing (200 even when a change would be refused: the plan says so).
    /// </summary>
    public async Task<ApiResponse> PlanAsync(JsonNode? body, CancellationToken cancellationToken)
    {
        var (invalid, plan) = Validate(body, DryRunExecution);
        if (invalid is not null)
        {
            return invalid;
        }

        var apply = await planner.PlanAsync(plan!, cancellationToken);
        return new ApiResponse(200, JsonSerializer.SerializeToNode(PlanReport.From(apply.ChangeSet), StatusJsonContext.Default.PlanReport)!.AsObject());
    }

    private async Task<ApiResponse> StartAsync(ProvisioningRecord? record, string id, string stateMachineArn, string input, CancellationToken cancellationToken)
    {
        if (record?.Lock is { } held && held.IsHeldAt(clock.GetUtcNow()))
        {
            return ApiResponse.Error(409, ChangeInProgressException.Name, new ChangeInProgressException(id, held.Execution, held.Since, held.LeaseExpiresAt).Message);
        }

        var generation = (record?.Generation ?? 0) + 1;
        var name = $"{id}-{generation}";
        try
        {
            var started = await stepFunctions.StartExecutionAsync(new StartExecutionRequest(stateMachineArn, name, input), cancellationToken);
            return new ApiResponse(202, new JsonObject
            {
                ["provisioningId"] = id,
                ["generation"] = generation,
                ["executionName"] = name,
                ["executionArn"] = started.ExecutionArn,
            });
        }
        catch (AmazonServiceException e) when (e.ErrorCode == "ExecutionAlreadyExists")
        {
            return ApiResponse.Error(409, ChangeInProgressException.Name, $"provisioningId: {id} generation {generation} was just started by another request ({name}). Fix: GET /provisionings/{id}, then try again.");
        }
    }

    /// <summary>The request's validated plan, or 400 naming each bad field (a provisioningId is required).</summary>
    private (ApiResponse? Refused, ProvisioningPlan? Plan) Validate(JsonNode? body, string? executionName)
    {
        if (body is not JsonObject request || request["provisioningId"] is not JsonValue idValue || !idValue.TryGetValue<string>(out _))
        {
            return (Invalid([new FieldError("provisioningId", "is required by the API: it names the provisioning and its executions", "add \"provisioningId\" to the request")]), null);
        }

        var validation = validator.Validate(request, executionName);
        return validation.IsValid ? (null, validation.Plan) : (Invalid(validation.Errors), null);
    }

    private static ApiResponse NotFound(string id) =>
        ApiResponse.Error(404, ProvisioningNotFoundException.Name, new ProvisioningNotFoundException(id).Message);

    private static ApiResponse Invalid(IReadOnlyList<FieldError> errors) =>
        new(400, new JsonObject
        {
            ["error"] = InvalidRequestException.Name,
            ["message"] = new InvalidRequestException(errors).Message,
            ["fields"] = new JsonArray([.. errors.Select(e => (JsonNode)JsonValue.Create(e.ToString())!)]),
        });
}
