namespace OutpostServerless.StateMachine.Resources;

/// <summary>
/// What a Task's Resource names, which decides the history events AWS writes for it: a Lambda function
/// ARN gets LambdaFunction* events; a service integration (<c>arn:aws:states:::service:action</c>) and any
/// other resource get Task* events with a resourceType and resource.
/// </summary>
internal sealed record TaskResource(string Arn, TaskResourceKind Kind, string ResourceType, string Resource)
{
    public bool IsLambdaInvoke => Kind == TaskResourceKind.ServiceIntegration && ResourceType == "lambda"
        && (Resource == "invoke" || Resource.StartsWith("invoke.", StringComparison.Ordinal));

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
            return new(arn, TaskResourceKind.ServiceIntegration, service, string.Join(':', parts[6..]));
        }

        if (parts is ["arn", _, var other, ..] && other.Length > 0)
        {
            return new(arn, TaskResourceKind.Other, other, arn);
        }

        return new(arn, TaskResourceKind.Other, "local", arn);
    }
}

internal enum TaskResourceKind
{
    LambdaFunction,
    ServiceIntegration,
    Other,
}
