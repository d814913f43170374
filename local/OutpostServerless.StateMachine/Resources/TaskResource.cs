namespace OutpostServerless.StateMachine.Resources;

/// <summary>
/// What a Task's Resource names, which decides the history events AWS writes for it: a Lambda function
/// ARN gets LambdaFunction* events; a service integration (<c>arn:aws:states:::service:action[.pattern]</c>)
/// and any other resource get Task* events with a resourceType and resource. The suffix of a service
/// integration names its integration pattern (AWS "Service integration patterns").
/// </summary>
internal sealed record TaskResource(string Arn, TaskResourceKind Kind, string ResourceType, string Resource)
{
    public const string WaitForTaskTokenSuffix = ".waitForTaskToken";

    public IntegrationPattern Pattern { get; init; } = IntegrationPattern.RequestResponse;

    public bool IsLambdaInvoke => Kind == TaskResourceKind.ServiceIntegration && ResourceType == "lambda"
        && (Resource == "invoke" || Resource.StartsWith("invoke.", StringComparison.Ordinal));

    public bool WaitsForTaskToken => Pattern == IntegrationPattern.WaitForTaskToken;

    public static TaskResource Parse(string arn)
    {
        var parts = arn.Split(':');
        if (parts is ["arn", _, "lambda", _, _, "function", ..])
        {
            return new(arn, TaskResourceKind.LambdaFunction, "lambda", arn);
        }

        // arn:aws:states:::lambda:invoke -> resourceType "lambda", resource "invoke" (pattern suffix kept, e.g. "invoke.waitForTaskToken").
        if (parts is ["arn", _, "states", _, _, var service, var action, ..] && service.Length > 0 && action.Length > 0)
        {
            var resource = string.Join(':', parts[6..]);
            return new(arn, TaskResourceKind.ServiceIntegration, service, resource) { Pattern = PatternOf(resource) };
        }

        if (parts is ["arn", _, var other, ..] && other.Length > 0)
        {
            return new(arn, TaskResourceKind.Other, other, arn);
        }

        return new(arn, TaskResourceKind.Other, "local", arn);
    }

    private static IntegrationPattern PatternOf(string resource)
    {
        if (resource.EndsWith(WaitForTaskTokenSuffix, StringComparison.Ordinal))
        {
            return IntegrationPattern.WaitForTaskToken;
        }

        if (resource.EndsWith(".sync:2", StringComparison.Ordinal))
        {
            return IntegrationPattern.Sync2;
        }

        return resource.EndsWith(".sync", StringComparison.Ordinal) ? IntegrationPattern.Sync : IntegrationPattern.RequestResponse;
    }
}

internal enum TaskResourceKind
{
    LambdaFunction,
    ServiceIntegration,
    Other,
}

/// <summary>How a service integration waits (AWS "Service integration patterns").</summary>
internal enum IntegrationPattern
{
    /// <summary>Call the service and move on with its HTTP response.</summary>
    RequestResponse,

    /// <summary><c>.sync</c>: wait for the job the call started; the invoker's outcome is the job's.</summary>
    Sync,

    /// <summary><c>.sync:2</c>, like <see cref="Sync"/>.</summary>
    Sync2,

    /// <summary><c>.waitForTaskToken</c>: call the service, then wait for SendTaskSuccess/SendTaskFailure with the task token.</summary>
    WaitForTaskToken,
}
