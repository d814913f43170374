using System.Globalization;
using System.Text.Json.Nodes;
using OutpostServerless.Aws.Ecs;

namespace OutpostServerless.Emulator.Ecs;

internal sealed partial class EcsWorld
{
    private static readonly string[] NetworkModes = ["bridge", "host", "awsvpc", "none"];
    private static readonly string[] Compatibilities = ["EC2", "FARGATE", "EXTERNAL", "MANAGED_INSTANCES"];

    public RegisterTaskDefinitionResponse RegisterTaskDefinition(RegisterTaskDefinitionRequest request)
    {
        if (string.IsNullOrEmpty(request.Family) || !ResourceName().IsMatch(request.Family))
        {
            throw EcsErrors.Client("Family contains invalid characters or is too long: up to 255 letters, numbers, hyphens and underscores are allowed.");
        }

        if (request.ContainerDefinitions.Count == 0)
        {
            throw EcsErrors.Client("Container list cannot be empty.");
        }

        if (request.NetworkMode is not null && !NetworkModes.Contains(request.NetworkMode, StringComparer.Ordinal))
        {
            throw EcsErrors.Client($"Invalid networkMode '{request.NetworkMode}': must be one of bridge, host, awsvpc or none.");
        }

        var unknown = request.RequiresCompatibilities.FirstOrDefault(c => !Compatibilities.Contains(c, StringComparer.Ordinal));
        if (unknown is not null)
        {
            throw EcsErrors.Client($"Invalid requiresCompatibilities value '{unknown}'.");
        }

        ValidateContainers(request);
        if (request.RequiresCompatibilities.Contains("FARGATE", StringComparer.Ordinal))
        {
            if (request.NetworkMode != "awsvpc")
            {
                throw EcsErrors.Client("Fargate only supports network mode \u2018awsvpc\u2019.");
            }

            if (TaskResources.ParseCpu(request.Cpu) is null || TaskResources.ParseMemory(request.Memory) is null)
            {
                throw EcsErrors.Client("Fargate requires that 'cpu' and 'memory' be defined at the task level.");
            }
        }

        var tags = Tags(request.Tags);
        var resources = TaskResources.Of(request.ContainerDefinitions, request.Cpu, request.Memory, request.NetworkMode ?? "bridge");
        var revision = State.TaskDefinitions.Where(d => d.Family == request.Family).Select(d => d.Revision).DefaultIfEmpty(0).Max() + 1;
        var definition = new TaskDefinitionRecord
        {
            Family = request.Family,
            Revision = revision,
            TaskDefinitionArn = EcsArn($"task-definition/{request.Family}:{revision}"),
            ContainerDefinitions = request.ContainerDefinitions.ToJsonString(),
            Cpu = request.Cpu,
            Memory = request.Memory,
            NetworkMode = request.NetworkMode,
            TaskRoleArn = request.TaskRoleArn,
            ExecutionRoleArn = request.ExecutionRoleArn,
            RequiresCompatibilities = [.. request.RequiresCompatibilities],
            Tags = tags,
            RegisteredAt = region.Now,
            RequiredCpu = resources.Cpu,
            RequiredMemory = resources.Memory,
            HostPorts = resources.HostPorts,
        };
        State.TaskDefinitions.Add(definition);
        return new RegisterTaskDefinitionResponse(ToModel(definition), ToTags(tags));
    }

    public DescribeTaskDefinitionResponse DescribeTaskDefinition(DescribeTaskDefinitionRequest request)
    {
        var definition = FindTaskDefinition(request.TaskDefinition) ?? throw EcsErrors.Client("Unable to describe task definition.");
        return new DescribeTaskDefinitionResponse(ToModel(definition), IncludesTags(request.Include) ? ToTags(definition.Tags) : []);
    }

    public DeregisterTaskDefinitionResponse DeregisterTaskDefinition(DeregisterTaskDefinitionRequest request)
    {
        var (_, revision) = ParseTaskDefinitionReference(request.TaskDefinition);
        if (revision is null)
        {
            throw EcsErrors.Client("Invalid revision number. Number: ");
        }

        var definition = FindTaskDefinition(request.TaskDefinition) ?? throw EcsErrors.Client("The specified task definition does not exist.");
        definition.Status = TaskDefinitionStatus.Inactive;
        return new DeregisterTaskDefinitionResponse(ToModel(definition));
    }

    /// <summary><c>family</c> (latest ACTIVE revision), <c>family:revision</c> or a full ARN.</summary>
    private TaskDefinitionRecord? FindTaskDefinition(string reference)
    {
        var (family, revision) = ParseTaskDefinitionReference(reference);
        return revision is null
            ? State.TaskDefinitions.Where(d => d.Family == family && d.Status == TaskDefinitionStatus.Active).MaxBy(d => d.Revision)
            : State.TaskDefinitions.Find(d => d.Family == family && d.Revision == revision);
    }

    private static (string Family, int? Revision) ParseTaskDefinitionReference(string reference)
    {
        var text = reference.StartsWith("arn:", StringComparison.Ordinal) ? reference[(reference.LastIndexOf('/') + 1)..] : reference;
        var colon = text.LastIndexOf(':');
        return colon > 0 && int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var revision)
            ? (text[..colon], revision)
            : (text, null);
    }

    private static void ValidateContainers(RegisterTaskDefinitionRequest request)
    {
        var forEc2 = request.RequiresCompatibilities.Count == 0 || request.RequiresCompatibilities.Contains("EC2", StringComparer.Ordinal);
        foreach (var node in request.ContainerDefinitions)
        {
            if (node is not JsonObject container)
            {
                throw EcsErrors.Client("Container definitions must be objects.");
            }

            var name = container["name"]?.ToString();
            if (string.IsNullOrEmpty(name))
            {
                throw EcsErrors.Client("Container.name should not be null or empty.");
            }

            if (string.IsNullOrEmpty(container["image"]?.ToString()))
            {
                throw EcsErrors.Client("Container.image should not be null or empty.");
            }

            if (forEc2 && TaskResources.ParseMemory(request.Memory) is null
                && TaskResources.Int(container, "memory") is null && TaskResources.Int(container, "memoryReservation") is null)
            {
                throw EcsErrors.Client($"Invalid setting for container '{name}'. At least one of 'memory' or 'memoryReservation' must be specified.");
            }
        }
    }

    private static TaskDefinition ToModel(TaskDefinitionRecord definition) => new()
    {
        TaskDefinitionArn = definition.TaskDefinitionArn,
        Family = definition.Family,
        Revision = definition.Revision,
        Status = definition.Status,
        ContainerDefinitions = (JsonArray)JsonNode.Parse(definition.ContainerDefinitions)!,
        Cpu = definition.Cpu,
        Memory = definition.Memory,
        NetworkMode = definition.NetworkMode ?? "bridge",
        TaskRoleArn = definition.TaskRoleArn,
        ExecutionRoleArn = definition.ExecutionRoleArn,
        RequiresCompatibilities = definition.RequiresCompatibilities,
    };
}
