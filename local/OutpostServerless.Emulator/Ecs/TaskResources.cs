using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OutpostServerless.Emulator.Ecs;

/// <summary>
/// What one task of a definition reserves on a container instance: CPU units, MiB of memory and
/// host ports, worked out the way ECS does (task-level sizes win; otherwise the containers' sum,
/// a container's soft limit counting when it has one).
/// </summary>
internal sealed record TaskResources(int Cpu, int Memory, List<int> HostPorts)
{
    public static TaskResources Of(JsonArray containers, string? taskCpu, string? taskMemory, string? networkMode)
    {
        var cpu = 0;
        var memory = 0;
        var ports = new List<int>();
        foreach (var container in containers.OfType<JsonObject>())
        {
            cpu += Int(container, "cpu") ?? 0;
            memory += Int(container, "memoryReservation") ?? Int(container, "memory") ?? 0;
            foreach (var mapping in (container["portMappings"] as JsonArray ?? []).OfType<JsonObject>())
            {
                var containerPort = Int(mapping, "containerPort");
                var hostPort = networkMode switch
                {
                    "awsvpc" or "none" => null,
                    "host" => Int(mapping, "hostPort") ?? containerPort,
                    _ => Int(mapping, "hostPort"),
                };
                if (hostPort is > 0)
                {
                    ports.Add(hostPort.Value);
                }
            }
        }

        return new TaskResources(ParseCpu(taskCpu) ?? cpu, ParseMemory(taskMemory) ?? memory, ports);
    }

    public static int? Int(JsonObject container, string name)
    {
        var node = container[name];
        if (node is null)
        {
            return null;
        }

        return node.GetValueKind() == JsonValueKind.Number && node.AsValue().TryGetValue<int>(out var value)
            ? value
            : throw EcsErrors.Client($"Invalid setting for container '{container["name"]}': '{name}' must be an integer.");
    }

    /// <summary>"1024", "1 vCPU", "0.25 vCPU".</summary>
    public static int? ParseCpu(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        if (trimmed.EndsWith("vcpu", StringComparison.OrdinalIgnoreCase))
        {
            return (int)(Number(trimmed[..^4], "cpu", text) * 1024);
        }

        return (int)Number(trimmed, "cpu", text);
    }

    /// <summary>"512", "1 GB", "2GB".</summary>
    public static int? ParseMemory(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        if (trimmed.EndsWith("gb", StringComparison.OrdinalIgnoreCase))
        {
            return (int)(Number(trimmed[..^2], "memory", text) * 1024);
        }

        if (trimmed.EndsWith("mb", StringComparison.OrdinalIgnoreCase))
        {
            return (int)Number(trimmed[..^2], "memory", text);
        }

        return (int)Number(trimmed, "memory", text);
    }

    private static double Number(string text, string parameter, string original) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw EcsErrors.Client($"Invalid '{parameter}' setting for task: '{original}'.");
}
