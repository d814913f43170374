using OutpostServerless.Aws.Ecs;

namespace OutpostServerless.Emulator.Ecs;

internal sealed partial class EcsWorld
{
    // Ports the ECS agent reserves on every container instance.
    private static readonly int[] ReservedPorts = [22, 2375, 2376, 51678, 51679];
    private static readonly TimeSpan ClientTokenLifetime = TimeSpan.FromHours(24);

    public RunTaskResponse RunTask(RunTaskRequest request)
    {
        var cluster = RequireActiveCluster(request.Cluster);
        var count = request.Count ?? 1;
        if (count is < 1 or > 10)
        {
            throw EcsErrors.InvalidParameter("Count must be between 1 and 10.");
        }

        if (request.StartedBy is { Length: > 128 })
        {
            throw EcsErrors.InvalidParameter("startedBy may have at most 128 characters.");
        }

        var definition = ResolveForLaunch(request.TaskDefinition);
        var fingerprint = $"{definition.TaskDefinitionArn}|{count}|{request.LaunchType}|{request.StartedBy}|{string.Join(',', request.Tags.Select(t => $"{t.Key}={t.Value}").Order(StringComparer.Ordinal))}";
        var now = region.Now;
        if (!string.IsNullOrEmpty(request.ClientToken))
        {
            if (request.ClientToken.Length > 64)
            {
                throw EcsErrors.InvalidParameter("clientToken may have at most 64 characters.");
            }

            State.RunTaskTokens.RemoveAll(t => now - t.At > ClientTokenLifetime);
            if (State.RunTaskTokens.Find(t => t.ClusterName == cluster.ClusterName && t.ClientToken == request.ClientToken) is { } previous)
            {
                return previous.Fingerprint == fingerprint
                    ? new RunTaskResponse([.. previous.TaskArns.Select(a => ToModel(State.Tasks.Single(t => t.TaskArn == a), includeTags: true))], previous.Failures)
                    : throw EcsErrors.Error(EcsErrors.ConflictException, "The request uses the same client token as a previous, but non-identical request. Do not reuse a client token with different requests, unless the requests are identical.");
            }
        }

        RequireLaunchable(definition, request.LaunchType);
        var tags = Tags(request.Tags);
        if (!State.ContainerInstances.Exists(i => i.ClusterName == cluster.ClusterName && i.Status == ContainerInstanceStatus.Active))
        {
            throw EcsErrors.InvalidParameter("No Container Instances were found in your cluster.");
        }

        var tasks = new List<TaskRecord>();
        var failures = new List<EcsFailure>();
        for (var i = 0; i < count; i++)
        {
            var (task, reasons) = TryPlace(cluster, definition, request.StartedBy, $"family:{definition.Family}", tags, now);
            if (task is null)
            {
                failures.AddRange(reasons.Where(r => !failures.Contains(r)));
                break;
            }

            tasks.Add(task);
        }

        if (!string.IsNullOrEmpty(request.ClientToken))
        {
            State.RunTaskTokens.Add(new RunTaskTokenRecord
            {
                ClusterName = cluster.ClusterName,
                ClientToken = request.ClientToken,
                Fingerprint = fingerprint,
                At = now,
                TaskArns = tasks.ConvertAll(t => t.TaskArn),
                Failures = failures,
            });
        }

        return new RunTaskResponse(tasks.ConvertAll(t => ToModel(t, includeTags: true)), failures);
    }

    public ListTasksResponse ListTasks(ListTasksRequest request)
    {
        var cluster = FindCluster(request.Cluster) ?? throw EcsErrors.ClusterNotFound();
        string? group = null;
        if (!string.IsNullOrEmpty(request.ServiceName))
        {
            var service = FindService(cluster, request.ServiceName) ?? throw EcsErrors.ServiceNotFound();
            group = service.Group;
        }

        var desired = request.DesiredStatus ?? EcsTaskStatus.Running;
        if (desired != EcsTaskStatus.Running && desired != EcsTaskStatus.Pending && desired != EcsTaskStatus.Stopped)
        {
            throw EcsErrors.InvalidParameter("desiredStatus must be RUNNING, PENDING or STOPPED.");
        }

        var arns = State.Tasks
            .Where(t => t.ClusterName == cluster.ClusterName && t.DesiredStatus == desired
                && (request.StartedBy is null || t.StartedBy == request.StartedBy)
                && (group is null || t.Group == group))
            .Select(t => t.TaskArn)
            .ToList();
        var (page, next) = Page(arns, request.NextToken);
        return new ListTasksResponse(page, next);
    }

    public DescribeTasksResponse DescribeTasks(DescribeTasksRequest request)
    {
        var cluster = FindCluster(request.Cluster) ?? throw EcsErrors.ClusterNotFound();
        if (request.Tasks.Count is 0 or > 100)
        {
            throw EcsErrors.InvalidParameter("tasks must contain between 1 and 100 items.");
        }

        var found = new List<EcsTask>();
        var failures = new List<EcsFailure>();
        foreach (var reference in request.Tasks)
        {
            if (FindTask(cluster, reference) is { } task)
            {
                found.Add(ToModel(task, IncludesTags(request.Include)));
            }
            else
            {
                failures.Add(new EcsFailure(reference.StartsWith("arn:", StringComparison.Ordinal) ? reference : EcsArn($"task/{cluster.ClusterName}/{reference}"), "MISSING"));
            }
        }

        return new DescribeTasksResponse(found, failures);
    }

    public StopTaskResponse StopTask(StopTaskRequest request)
    {
        var cluster = FindCluster(request.Cluster) ?? throw EcsErrors.ClusterNotFound();
        var task = FindTask(cluster, request.Task) ?? throw EcsErrors.InvalidParameter("The referenced task was not found.");
        if (request.Reason is { Length: > 255 })
        {
            throw EcsErrors.InvalidParameter("reason may have at most 255 characters.");
        }

        Stop(task, request.Reason ?? "Task stopped by user", region.Now);
        return new StopTaskResponse(ToModel(task, includeTags: false));
    }

    /// <summary>A definition RunTask/CreateService may launch: found, and ACTIVE.</summary>
    private TaskDefinitionRecord ResolveForLaunch(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            throw EcsErrors.InvalidParameter("TaskDefinition must be specified.");
        }

        var definition = FindTaskDefinition(reference) ?? throw EcsErrors.Client("TaskDefinition not found.");
        return definition.Status == TaskDefinitionStatus.Active ? definition : throw EcsErrors.Client("TaskDefinition is inactive");
    }

    /// <summary>
    /// Launch type against definition, as ECS checks it. Fargate needs an awsvpc network
    /// configuration, which these requests cannot carry (and an Outpost has no Fargate anyway).
    /// </summary>
    private static void RequireLaunchable(TaskDefinitionRecord definition, string? launchType)
    {
        var type = launchType ?? "EC2";
        if (type is not ("EC2" or "FARGATE" or "EXTERNAL"))
        {
            throw EcsErrors.InvalidParameter($"launchType '{type}' is not valid: use EC2, FARGATE or EXTERNAL.");
        }

        var compatibilities = definition.RequiresCompatibilities;
        if ((type != "EC2" || compatibilities.Count > 0) && !compatibilities.Contains(type, StringComparer.Ordinal))
        {
            throw EcsErrors.InvalidParameter($"Task definition does not support launch_type {type}.");
        }

        if (type == "FARGATE" || definition.NetworkMode == "awsvpc")
        {
            throw EcsErrors.InvalidParameter("Network Configuration must be provided when networkMode 'awsvpc' is specified.");
        }

        if (type == "EXTERNAL")
        {
            throw EcsErrors.InvalidParameter("No Container Instances were found in your cluster.");
        }
    }

    /// <summary>
    /// Places one task on an ACTIVE, connected container instance with room for it (CPU, memory,
    /// host ports), spreading over instances; otherwise the per-instance reasons, as ECS reports them.
    /// </summary>
    private (TaskRecord? Task, List<EcsFailure> Failures) TryPlace(
        ClusterRecord cluster, TaskDefinitionRecord definition, string? startedBy, string group, Dictionary<string, string> tags, DateTimeOffset now)
    {
        var failures = new List<EcsFailure>();
        var eligible = new List<(ContainerInstanceRecord Instance, int Tasks)>();
        foreach (var instance in State.ContainerInstances.Where(i => i.ClusterName == cluster.ClusterName && i.Status == ContainerInstanceStatus.Active))
        {
            var running = State.Tasks.Where(t => t.ContainerInstanceArn == instance.ContainerInstanceArn && t.IsActive).ToList();
            var reason = !AgentConnected(instance) ? "AGENT"
                : running.Sum(t => t.Cpu) + definition.RequiredCpu > instance.RegisteredCpu ? "RESOURCE:CPU"
                : running.Sum(t => t.Memory) + definition.RequiredMemory > instance.RegisteredMemory ? "RESOURCE:MEMORY"
                : definition.HostPorts.Exists(p => ReservedPorts.Contains(p) || running.Exists(t => t.HostPorts.Contains(p))) ? "RESOURCE:PORTS"
                : null;
            if (reason is null)
            {
                eligible.Add((instance, running.Count));
            }
            else
            {
                failures.Add(new EcsFailure(instance.ContainerInstanceArn, reason));
            }
        }

        if (eligible.Count == 0)
        {
            return (null, failures);
        }

        var target = eligible.MinBy(e => e.Tasks).Instance;
        var task = new TaskRecord
        {
            TaskArn = EcsArn($"task/{cluster.ClusterName}/{region.Ids.Hex("task", 32)}"),
            ClusterName = cluster.ClusterName,
            TaskDefinitionArn = definition.TaskDefinitionArn,
            ContainerInstanceArn = target.ContainerInstanceArn,
            StartedBy = startedBy,
            Group = group,
            CreatedAt = now,
            Cpu = definition.RequiredCpu,
            Memory = definition.RequiredMemory,
            HostPorts = [.. definition.HostPorts],
            Tags = new Dictionary<string, string>(tags, StringComparer.Ordinal),
        };
        State.Tasks.Add(task);
        return (task, []);
    }

    private TaskRecord? FindTask(ClusterRecord cluster, string reference)
    {
        var id = IdOf(reference);
        return State.Tasks.Find(t => t.ClusterName == cluster.ClusterName && IdOf(t.TaskArn) == id);
    }

    private static void Stop(TaskRecord task, string reason, DateTimeOffset now)
    {
        if (task.DesiredStatus == EcsTaskStatus.Stopped)
        {
            return;
        }

        task.DesiredStatus = EcsTaskStatus.Stopped;
        task.StoppedReason = reason;
        task.StopRequestedAt = now;
    }

    /// <summary>Placed tasks start (or fail to pull their images); stopping tasks finish stopping.</summary>
    private void ProgressTasks(DateTimeOffset now)
    {
        var timings = region.Options.Timings;
        foreach (var task in State.Tasks)
        {
            if (task.DesiredStatus == EcsTaskStatus.Running && task.LastStatus == EcsTaskStatus.Pending && now >= task.CreatedAt + timings.TaskStart)
            {
                PullImagesAndStart(task, task.CreatedAt + timings.TaskStart);
            }
            else if (task.DesiredStatus == EcsTaskStatus.Stopped && task.LastStatus != EcsTaskStatus.Stopped && now >= task.StopRequestedAt + timings.TaskStop)
            {
                task.LastStatus = EcsTaskStatus.Stopped;
                task.StoppedAt = task.StopRequestedAt + timings.TaskStop;
            }
        }
    }

    private EcsTask ToModel(TaskRecord task, bool includeTags) => new()
    {
        TaskArn = task.TaskArn,
        ClusterArn = EcsArn($"cluster/{task.ClusterName}"),
        TaskDefinitionArn = task.TaskDefinitionArn,
        ContainerInstanceArn = task.ContainerInstanceArn,
        LastStatus = task.LastStatus,
        DesiredStatus = task.DesiredStatus,
        LaunchType = task.LaunchType,
        StartedBy = task.StartedBy,
        Group = task.Group,
        StoppedReason = task.LastStatus == EcsTaskStatus.Stopped ? task.StoppedReason : null,
        Tags = includeTags ? ToTags(task.Tags) : [],
    };
}
