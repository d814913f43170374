using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OutpostServerless.Provisioning.Errors;

namespace OutpostServerless.Provisioning.Request;

/// <summary>
/// The workload: names ECS accepts, counts that make sense for the mode, and a task definition that
/// can run on EC2 container instances (a network mode ECS knows, at least one container, each with a
/// name and an image, names unique).
/// </summary>
internal sealed partial class WorkloadRule : IRequestRule
{
    public static readonly IReadOnlyList<string> NetworkModes = ["bridge", "host", "none"];

    /// <summary>Task definition roles: registering them needs iam:PassRole, which template.yaml grants only for the instance role.</summary>
    private static readonly IReadOnlyList<string> RolesNeedingPassRole = ["taskRoleArn", "executionRoleArn"];

    /// <summary>RegisterTaskDefinition members that ECS takes but RegisterTaskDefinition (the step) does not pass on yet.</summary>
    private static readonly IReadOnlyList<string> EcsMembersNotPassedOn =
    [
        "volumes", "placementConstraints", "tags", "pidMode", "ipcMode", "proxyConfiguration",
        "inferenceAccelerators", "ephemeralStorage", "runtimePlatform", "enableFaultInjection",
    ];

    public void Check(RequestDocument request, ICollection<FieldError> errors)
    {
        var workload = request.Workload;
        var path = RequestDocument.WorkloadPath;
        var mode = JsonMember.String(workload, "mode");
        var desired = JsonMember.Int(workload, "desiredCount", path, errors);
        if (mode == "task" && desired == 0)
        {
            errors.Add(new FieldError(
                path.Member("desiredCount").ToString(),
                "is 0, so task mode would start no task (RunTask needs at least 1)",
                "write a desiredCount from 1 to 1000, or use mode service, where 0 keeps the service idle"));
        }

        if (JsonMember.Has(workload, "serviceName") && mode == "task")
        {
            errors.Add(new FieldError(
                path.Member("serviceName").ToString(),
                "is given, but mode task runs standalone tasks and creates no service",
                "remove serviceName, or set mode to service"));
        }
        else if (JsonMember.String(workload, "serviceName") is { } serviceName && !ResourceNames.IsEcsName(serviceName))
        {
            errors.Add(new FieldError(
                path.Member("serviceName").ToString(),
                $"{ValueText.Of(serviceName)} is not a name ECS accepts for a service",
                $"write {ResourceNames.EcsNameRule}, or leave serviceName out to use the task definition family"));
        }

        if (request.TaskDefinition is { } taskDefinition)
        {
            CheckTaskDefinition(taskDefinition, RequestDocument.TaskDefinitionPath, errors);
        }
    }

    private static void CheckTaskDefinition(JsonObject taskDefinition, FieldPath path, ICollection<FieldError> errors)
    {
        if (JsonMember.String(taskDefinition, "family") is { } family && !ResourceNames.IsEcsName(family))
        {
            errors.Add(new FieldError(
                path.Member("family").ToString(),
                $"{ValueText.Of(family)} is not a name ECS accepts for a task definition family",
                $"write {ResourceNames.EcsNameRule}, e.g. \"storefront-web\""));
        }

        foreach (var member in EcsMembersNotPassedOn.Where(taskDefinition.ContainsKey))
        {
            errors.Add(new FieldError(
                path.Member(member).ToString(),
                "is a RegisterTaskDefinition member that OutpostServerless does not pass on to ECS yet, so it would be lost",
                "remove it, or register the task definition yourself and run it with a request that names the same family"));
        }

        foreach (var member in RolesNeedingPassRole.Where(taskDefinition.ContainsKey))
        {
            errors.Add(new FieldError(
                path.Member(member).ToString(),
                "names a role that RegisterTaskDefinition would have to pass (iam:PassRole), and the workflow's functions may pass only the container instance role (least privilege)",
                "remove it, or register the task definition yourself and run it with a request that names the same family"));
        }

        if (JsonMember.String(taskDefinition, "networkMode") == "awsvpc")
        {
            errors.Add(new FieldError(
                path.Member("networkMode").ToString(),
                "is awsvpc, which needs a network configuration on RunTask and CreateService that OutpostServerless does not send yet",
                "write bridge (ECS's default on EC2) or host"));
        }
        else if (JsonMember.String(taskDefinition, "networkMode") is { } networkMode && !NetworkModes.Contains(networkMode))
        {
            errors.Add(new FieldError(
                path.Member("networkMode").ToString(),
                $"{ValueText.Of(networkMode)} is not a network mode ECS knows",
                $"write one of {string.Join(", ", NetworkModes)} (ECS uses bridge when it is left out)"));
        }

        if (JsonMember.Array(taskDefinition, "containerDefinitions") is not { } containers)
        {
            return;
        }

        var containersPath = path.Member("containerDefinitions");
        if (containers.Count == 0)
        {
            errors.Add(new FieldError(
                containersPath.ToString(),
                "is empty; a task needs at least one container",
                "add a container definition with at least a name and an image, e.g. {\"name\": \"web\", \"image\": \"public.ecr.aws/nginx/nginx:1.27\", \"memory\": 512}"));
            return;
        }

        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < containers.Count; i++)
        {
            if (containers[i] is not JsonObject container)
            {
                continue;
            }

            var containerPath = containersPath.Index(i);
            if (JsonMember.String(container, "name") is { } name)
            {
                if (!ResourceNames.IsEcsName(name))
                {
                    errors.Add(new FieldError(
                        containerPath.Member("name").ToString(),
                        $"{ValueText.Of(name)} is not a name ECS accepts for a container",
                        $"write {ResourceNames.EcsNameRule}, e.g. \"web\""));
                }
                else if (!names.TryAdd(name, i))
                {
                    errors.Add(new FieldError(
                        containerPath.Member("name").ToString(),
                        $"{ValueText.Of(name)} is also the name of containerDefinitions[{names[name]}]",
                        "give each container of the task a different name"));
                }
            }

            if (JsonMember.String(container, "image") is { } image && !ImagePattern().IsMatch(image))
            {
                errors.Add(new FieldError(
                    containerPath.Member("image").ToString(),
                    $"{ValueText.Of(image)} is not an image reference",
                    "write repository-url/image:tag or repository-url/image@sha256:digest, e.g. public.ecr.aws/nginx/nginx:1.27"));
            }
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9._:/@#+-]{1,1024}\z")]
    private static partial Regex ImagePattern();
}
