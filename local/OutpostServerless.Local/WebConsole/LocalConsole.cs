using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using OutpostServerless.Emulator.Sam;
using OutpostServerless.Local.Graph;
using OutpostServerless.Local.StateFiles;
using OutpostServerless.Local.StepFunctions;
using OutpostServerless.Local.Workflow;
using OutpostServerless.StateMachine;

namespace OutpostServerless.Local.WebConsole;

/// <summary>
/// The local console at <c>/_console/</c>: the page (embedded assets) and its JSON API under <c>/_console/api/</c>,
/// read from and written to the very <see cref="LocalStepFunctions"/> the AWS CLI and the API routes use — there is
/// no second execution store. The graph is the <c>graph</c> command's MSAGL layout and SVG, coloured by the path taken.
/// </summary>
public sealed class LocalConsole(SamTemplate template, LocalStepFunctions stepFunctions)
{
    public const string Root = "/_console";

    // As the AWS CLI prints Step Functions times: ISO 8601 UTC with milliseconds.
    private const string Timestamp = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    private static readonly string[] Statuses = [ExecutionDescription.Running, ExecutionStatus.Succeeded, ExecutionStatus.Failed, ExecutionStatus.TimedOut, ExecutionStatus.Aborted];

    // Laid out once per state machine: a definition never changes under its ARN here.
    private readonly ConcurrentDictionary<string, StateGraphPicture> pictures = new(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="path"/> is the console's (the rest of the endpoint is AWS's or the API's).</summary>
    public static bool Serves(string path) => path == Root || path.StartsWith(Root + "/", StringComparison.Ordinal);

    public Task<ConsoleResponse> HandleAsync(ConsoleRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = request.Path.Length > Root.Length ? request.Path[Root.Length..] : "/";
        try
        {
            var response = (request.Method, path) switch
            {
                ("GET", "/" or "/index.html") => ConsoleAssets.Find("index.html")!,
                ("GET", _) when path.StartsWith("/assets/", StringComparison.Ordinal) => ConsoleAssets.Find(path["/assets/".Length..]) ?? ConsoleResponse.NotFound(request.Path),
                ("GET", "/api/executions") => Executions(request.QueryValue("status")),
                ("GET", "/api/execution") => Execution(request.QueryValue("arn")),
                ("GET", "/api/examples") => ConsoleResponse.Json(200, ConsoleExamples.Read(template)),
                ("POST", "/api/executions") => Start(request.Body),
                ("POST", "/api/teardowns") => TearDown(request.Body),
                _ => ConsoleResponse.NotFound(request.Path),
            };
            return Task.FromResult(response);
        }
        catch (StepFunctionsException refused)
        {
            return Task.FromResult(ConsoleResponse.Problem(refused.ErrorCode.EndsWith("DoesNotExist", StringComparison.Ordinal) ? 404 : 400, refused.ErrorCode, refused.Message));
        }
    }

    private ConsoleResponse Executions(string? status)
    {
        if (status is not null && !Statuses.Contains(status))
        {
            return ConsoleResponse.Problem(400, "ValidationException", $"status: '{status}' is not an execution status. Fix: one of {string.Join(", ", Statuses)}, or none for all.");
        }

        var machines = stepFunctions.StateMachines;
        var now = stepFunctions.Clock.GetUtcNow();
        var executions = new JsonArray([.. stepFunctions.Executions
            .Where(e => status is null || e.Status == status)
            .OrderByDescending(e => e.StartDate)
            .ThenBy(e => e.Name, StringComparer.Ordinal)
            .Select(e => Summary(e, machines, now))]);
        return ConsoleResponse.Json(200, new JsonObject
        {
            ["executions"] = executions,
            ["stateMachines"] = new JsonArray([.. machines.Select(m => new JsonObject { ["arn"] = m.Arn, ["name"] = m.Name })]),
            ["provisionStateMachineArn"] = ArnOf(LocalWorkflow.ProvisionStateMachine),
            ["teardownStateMachineArn"] = ArnOf(LocalWorkflow.TeardownStateMachine),
        });
    }

    private ConsoleResponse Execution(string? arn)
    {
        if (arn is null)
        {
            return ConsoleResponse.Problem(400, "ValidationException", "arn: missing. Fix: /_console/api/execution?arn=<the execution's ARN>.");
        }

        // The history first: the description read after it is at least as new, so a finished status never lacks its last events.
        var history = stepFunctions.History(arn);
        var execution = stepFunctions.DescribeExecution(arn);
        var machine = stepFunctions.StateMachines.FirstOrDefault(m => m.Arn == execution.StateMachineArn);
        var definition = machine?.Workflow.Definition;
        var path = ExecutionPath.Of(history, execution.Status);
        var picture = definition is null ? null : pictures.GetOrAdd(execution.StateMachineArn, _ => StateGraphLayout.Lay(definition));
        var types = definition?.States.ToDictionary(s => s.Name, s => s.Type, StringComparer.Ordinal) ?? [];
        var provisioningId = LocalExecutionRecord.ProvisioningIdOf(execution.Input, execution.Name);
        var resources = stepFunctions.Cloud.ResourcesTagged(Provisioning.Tagging.ProvisioningTags.ProvisioningIdKey, provisioningId);
        return ConsoleResponse.Json(200, new JsonObject
        {
            ["execution"] = Detail(execution, machine, stepFunctions.Clock.GetUtcNow()),
            ["graphSvg"] = picture is null ? null : SvgGraphWriter.Write(picture, path, machine!.Name),
            ["states"] = new JsonArray([.. path.Visits.Select(v => StateJson(v, types.GetValueOrDefault(v.Name)))]),
            ["history"] = new JsonArray([.. history.Select(h => EventJson(h, execution.StartDate))]),
            ["provisioningId"] = provisioningId,
            ["resources"] = new JsonArray([.. resources.Select(r => new JsonObject
            {
                ["type"] = r.Type,
                ["id"] = r.Id,
                ["step"] = r.Tags.GetValueOrDefault(Provisioning.Tagging.ProvisioningTags.StepKey),
            })]),
        });
    }

    /// <summary>Starts an execution: <c>{"stateMachineArn"?: provisioning's, "name"?: a UUID, "input": {...}}</c>.</summary>
    private ConsoleResponse Start(string body)
    {
        if (Parse(body) is not { } start)
        {
            return ConsoleResponse.Problem(400, "ValidationException", "body: not a JSON object. Fix: send {\"input\": {...}, \"name\": \"optional\", \"stateMachineArn\": \"optional\"}.");
        }

        if (start["input"] is not JsonObject input)
        {
            return ConsoleResponse.Problem(400, "InvalidExecutionInput", "input: missing or not a JSON object. Fix: paste a request such as statemachine/examples/web-service.json.");
        }

        var machineArn = Text(start, "stateMachineArn") ?? ArnOf(LocalWorkflow.ProvisionStateMachine)
            ?? throw new StepFunctionsException("StateMachineDoesNotExist", "stateMachineArn: the template has no ProvisionStateMachine. Fix: name a state machine.");
        var started = stepFunctions.StartExecution(machineArn, Text(start, "name"), input.DeepClone());
        return ConsoleResponse.Json(200, Detail(started, null, stepFunctions.Clock.GetUtcNow()));
    }

    /// <summary>Tears a provisioning down with the template's teardown state machine: <c>{"provisioningId": "..."}</c>.</summary>
    private ConsoleResponse TearDown(string body)
    {
        if (ArnOf(LocalWorkflow.TeardownStateMachine) is not { } teardown)
        {
            return ConsoleResponse.Problem(400, "StateMachineDoesNotExist", "template: has no TeardownStateMachine. Fix: deploy a template with one.");
        }

        if (Parse(body) is not { } request || Text(request, "provisioningId") is not { } provisioningId)
        {
            return ConsoleResponse.Problem(400, "ValidationException", "provisioningId: missing. Fix: send {\"provisioningId\": \"storefront-web\"}.");
        }

        var started = stepFunctions.StartExecution(teardown, null, new JsonObject { ["provisioningId"] = provisioningId });
        return ConsoleResponse.Json(200, Detail(started, null, stepFunctions.Clock.GetUtcNow()));
    }

    private string? ArnOf(string logicalId) => template.StateMachines.TryGetValue(logicalId, out var machine) ? machine.Arn : null;

    private static JsonObject Summary(ExecutionDescription execution, IReadOnlyList<LocalStateMachine> machines, DateTimeOffset now) => new()
    {
        ["executionArn"] = execution.ExecutionArn,
        ["name"] = execution.Name,
        ["stateMachineName"] = machines.FirstOrDefault(m => m.Arn == execution.StateMachineArn)?.Name ?? execution.StateMachineArn[(execution.StateMachineArn.LastIndexOf(':') + 1)..],
        ["status"] = execution.Status,
        ["startDate"] = execution.StartDate.UtcDateTime.ToString(Timestamp, System.Globalization.CultureInfo.InvariantCulture),
        ["stopDate"] = execution.StopDate?.UtcDateTime.ToString(Timestamp, System.Globalization.CultureInfo.InvariantCulture),
        ["durationSeconds"] = ((execution.StopDate ?? now) - execution.StartDate).TotalSeconds,
    };

    private static JsonObject Detail(ExecutionDescription execution, LocalStateMachine? machine, DateTimeOffset now)
    {
        var detail = Summary(execution, machine is null ? [] : [machine], now);
        detail["stateMachineArn"] = execution.StateMachineArn;
        detail["input"] = execution.Input?.DeepClone();
        detail["output"] = execution.Output?.DeepClone();
        detail["error"] = execution.Error;
        detail["cause"] = execution.Cause;
        return detail;
    }

    private static JsonObject StateJson(StateVisit visit, string? type) => new()
    {
        ["name"] = visit.Name,
        ["type"] = type,
        ["outcome"] = visit.Outcome.ToString(),
        ["retries"] = visit.Retries,
        ["visits"] = visit.Visits,
        ["enteredAt"] = visit.EnteredAt.UtcDateTime.ToString(Timestamp, System.Globalization.CultureInfo.InvariantCulture),
        ["exitedAt"] = visit.ExitedAt?.UtcDateTime.ToString(Timestamp, System.Globalization.CultureInfo.InvariantCulture),
        ["durationSeconds"] = visit.ExitedAt is { } exited ? (exited - visit.EnteredAt).TotalSeconds : null,
        ["input"] = visit.Input,
        ["output"] = visit.Output,
        ["error"] = visit.Error,
        ["cause"] = visit.Cause,
    };

    private static JsonObject EventJson(HistoryEvent written, DateTimeOffset start)
    {
        var json = written.ToJson();
        json["elapsedSeconds"] = (written.Timestamp - start).TotalSeconds;
        return json;
    }

    private static JsonObject? Parse(string body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonObject json, string member) =>
        json[member] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
}
