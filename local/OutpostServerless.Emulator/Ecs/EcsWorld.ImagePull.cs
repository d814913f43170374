using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OutpostServerless.Aws.Ecs;
using OutpostServerless.Emulator.Ec2;

namespace OutpostServerless.Emulator.Ecs;

/// <summary>
/// The agent pulls a task's container images before starting it, as ECS_IMAGE_PULL_BEHAVIOR says
/// (Amazon ECS developer guide, "Amazon ECS container agent configuration"): <c>default</c> pulls
/// and falls back to a cached image, <c>always</c> pulls, <c>once</c> and <c>prefer-cached</c> pull
/// only what is not cached. A pull needs a way to the registry (ECR: its endpoints or the internet;
/// any other registry: the internet); without one the task stops with CannotPullContainerError.
/// </summary>
internal sealed partial class EcsWorld
{
    private void PullImagesAndStart(TaskRecord task, DateTimeOffset at)
    {
        var containerInstance = State.ContainerInstances.Find(i => i.ContainerInstanceArn == task.ContainerInstanceArn);
        var instance = containerInstance is null ? null : region.Ec2.FindInstance(containerInstance.Ec2InstanceId);
        var agent = instance is null ? null : State.Agents.GetValueOrDefault(instance.InstanceId);
        if (instance is not null && agent is not null)
        {
            foreach (var image in ImagesOf(task))
            {
                var cached = agent.PulledImages.Contains(image)
                    || (region.Options.Images.FirstOrDefault(i => i.ImageId == instance.ImageId)?.CachedContainerImages?.Contains(image) ?? false);
                var behavior = agent.Config?.ImagePullBehavior ?? "default";
                if (cached && behavior != "always")
                {
                    continue;
                }

                if (!region.Ec2.Reaches(instance, RegistryOf(image)))
                {
                    task.DesiredStatus = EcsTaskStatus.Stopped;
                    task.LastStatus = EcsTaskStatus.Stopped;
                    task.StoppedReason = CannotPull(image);
                    task.StopRequestedAt = at;
                    task.StoppedAt = at;
                    return;
                }

                agent.PulledImages.Add(image);
            }
        }

        task.LastStatus = EcsTaskStatus.Running;
        task.StartedAt = at;
    }

    private IEnumerable<string> ImagesOf(TaskRecord task)
    {
        var definition = State.TaskDefinitions.Find(d => d.TaskDefinitionArn == task.TaskDefinitionArn);
        var containers = definition is null ? null : JsonNode.Parse(definition.ContainerDefinitions)?.AsArray();
        return (containers ?? []).Select(c => c?["image"]?.GetValue<string>()).OfType<string>().Distinct(StringComparer.Ordinal);
    }

    private static AwsEndpoint RegistryOf(string image) =>
        EcrImage().IsMatch(image) ? AwsEndpoint.Ecr : AwsEndpoint.Internet;

    /// <summary>The agent's message after its retries time out (as ECS reports a pull with no route).</summary>
    private static string CannotPull(string image)
    {
        var (registry, repository, tag) = Reference(image);
        return $"CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref {registry}/{repository}:{tag}: "
            + $"failed to do request: Head \"https://{(registry == "docker.io" ? "registry-1.docker.io" : registry)}/v2/{repository}/manifests/{tag}\": dial tcp: i/o timeout";
    }

    /// <summary>A Docker reference split as containerd reads it: a first part with a dot or colon is the registry, else Docker Hub.</summary>
    private static (string Registry, string Repository, string Tag) Reference(string image)
    {
        var slash = image.IndexOf('/', StringComparison.Ordinal);
        var first = slash < 0 ? string.Empty : image[..slash];
        var hasRegistry = first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost";
        var registry = hasRegistry ? first : "docker.io";
        var rest = hasRegistry ? image[(slash + 1)..] : image;
        var colon = rest.LastIndexOf(':');
        var (repository, tag) = colon > rest.LastIndexOf('/') ? (rest[..colon], rest[(colon + 1)..]) : (rest, "latest");
        if (!hasRegistry && !repository.Contains('/', StringComparison.Ordinal))
        {
            repository = "library/" + repository;
        }

        return (registry, repository, tag);
    }

    [GeneratedRegex(@"^\d{12}\.dkr\.ecr(-fips)?\.[a-z0-9-]+\.amazonaws\.com(\.cn)?/", RegexOptions.CultureInvariant)]
    private static partial Regex EcrImage();
}
