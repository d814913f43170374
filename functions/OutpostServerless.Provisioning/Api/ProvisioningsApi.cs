using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using OutpostServerless.Aws.StepFunctions;
using OutpostServerless.Provisioning.Errors;
using OutpostServerless.Provisioning.Records;
using OutpostServerless.Provisioning.Request;

namespace OutpostServerless.Provisioning.Api;

/// <summary>
/// <c>POST /provisionings</c>, <c>DELETE /provisionings/{id}</c>, <c>GET /provisionings/{id}</c>: the
/// provisioning's record decides. An apply or teardown starts an execution named
/// <c>&lt;id&gt;-&lt;generation&gt;</c> (the record's generation plus one), so a re-POST of an id is an
/// update and execution names never repeat; a change already running is 409 before anything starts (and
/// two requests racing for one generation collide on the name: Step Functions' ExecutionAlreadyExists, 409 too).
/// BeginChange in the state machine remains the lock's only owner: the API only reads the record.
/// </summary>
public sealed class ProvisioningsApi(ProvisioningRecords records, IStepFunctions stepFunctions, RequestValidator validator, ProvisioningsApiOptions options, TimeProvider clock)
{
    public async Task<ApiResponse> ApplyAsync(JsonNode? body, CancellationToken cancellationToken)
    {
        if (body is not JsonObject request || request["provisioningId"] is not JsonValue idValue || !idValue.TryGetValue<string>(out var id))
        {
            return Invalid([new FieldError("provisioningId", "is required by the API: it names the provisioning and its executions", "add \"provisioningId\" to the request")]);
        }

        var validation = validator.Validate(request, executionName: null);
        if (!validation.IsValid)
        {
            return Invalid(validation.Errors);
        }

        var record = await records.GetAsync(id, cancellationToken);
        return await StartAsync(record, id, options.ApplyStateMachineArn, request.ToJsonString(), cancellationToken);
    }

    public async Task<ApiResponse> TeardownAsync(string id, CancellationToken cancellationToken)
    {
        var record = await records.GetAsync(id, cancellationToken);
        if (record is null or { Status: ProvisioningStatus.Deleted, Lock: null })
        {
            return NotFound(id);
        }

        if (options.TeardownStateMachineArn is not { } teardown)
        {
            return ApiResponse.Error(501, "NotImplemented", "This stack has no teardown state machine (TeardownStateMachine).");
        }

        return await StartAsync(record, id, teardown, new JsonObject { ["provisioningId"] = id }.ToJsonString(), cancellationToken);
    }

    public async Task<ApiResponse> StatusAsync(string id, CancellationToken cancellationToken)
    {
        var record = await records.GetAsync(id, cancellationToken);
        if (record is null)
        {
            return NotFound(id);
        }

        var body = new JsonObject
        {
            ["provisioningId"] = record.ProvisioningId,
            ["status"] = record.Status.ToString(),
            ["generation"] = record.Generation,
            ["lastAppliedGeneration"] = record.LastAppliedGeneration,
            ["lastAppliedPlan"] = record.LastAppliedPlan is { } plan ? JsonNode.Parse(plan) : null,
            ["executions"] = new JsonArray([.. record.Executions.Select(e => (JsonNode)new JsonObject
            {
                ["executionName"] = e.Execution,
                ["generation"] = e.Generation,
                ["action"] = e.Action.ToString(),
                ["outcome"] = e.Outcome.ToString(),
                ["startedAt"] = e.StartedAt,
                ["endedAt"] = e.EndedAt,
                ["error"] = e.Error,
                ["cause"] = e.Cause,
            })]),
        };
        if (record.Lock is { } held && held.IsHeldAt(clock.GetUtcNow()))
        {
            body["runningExecution"] = held.Execution;
        }

        return new ApiResponse(200, body);
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

    private static ApiResponse NotFound(string id) =>
        ApiResponse.Error(404, "NotFound", $"provisioningId: {id} is not a provisioning of this stack. Fix: POST /provisionings to create it.");

    private static ApiResponse Invalid(IReadOnlyList<FieldError> errors) =>
        new(400, new JsonObject
        {
            ["error"] = InvalidRequestException.Name,
            ["message"] = new InvalidRequestException(errors).Message,
            ["fields"] = new JsonArray([.. errors.Select(e => (JsonNode)JsonValue.Create(e.ToString())!)]),
        });
}
