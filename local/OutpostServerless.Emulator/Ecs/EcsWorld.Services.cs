using OutpostServerless.Aws.Ecs;

namespace OutpostServerless.Emulator.Ecs;

internal sealed partial class EcsWorld
{
    public CreateServiceResponse CreateService(CreateServiceRequest request)
    {
        var cluster = RequireActiveCluster(request.Cluster);
        if (string.IsNullOrEmpty(request.ServiceName) || !ResourceName().IsMatch(request.ServiceName))
        {
            throw EcsErrors.InvalidParameter("Service name can only contain letters, numbers, hyphens and underscores, and be 1 to 255 characters long.");
        }

        if (request.ClientToken is { Length: > 36 })
        {
            throw EcsErrors.InvalidParameter("clientToken may have at most 36 characters.");
        }

        var definition = ResolveForLaunch(request.TaskDefinition);
        if (request.DesiredCount is not { } desired)
        {
            throw EcsErrors.InvalidParameter("desiredCount must be specified for a service with the REPLICA scheduling strategy.");
        }

        if (desired < 0)
        {
            throw EcsErrors.InvalidParameter("desiredCount must not be negative.");
        }

        var launchType = request.LaunchType ?? "EC2";
        var tags = Tags(request.Tags);
        var existing = FindService(cluster, request.ServiceName);
        if (existing?.Status == EcsServiceStatus.Active)
        {
            // Same name, same parameters: the existing service; anything different is refused.
            var same = existing.TaskDefinitionArn == definition.TaskDefinitionArn && existing.DesiredCount == desired && existing.LaunchType == launchType
                && (request.ClientToken is null || existing.ClientToken is null || request.ClientToken == existing.ClientToken);
            return same
                ? new CreateServiceResponse(ToModel(existing, includeTags: true))
                : throw EcsErrors.InvalidParameter("Creation of service was not idempotent.");
        }

        if (existing?.Status == EcsServiceStatus.Draining)
        {
            throw EcsErrors.InvalidParameter("Unable to Start a service that is still Draining.");
        }

        RequireLaunchable(definition, request.LaunchType);
        if (!region.Iam.HasServiceLinkedRole(Iam.IamWorld.EcsServiceName))
        {
            // ECS's answer in an account without AWSServiceRoleForECS (ECS developer guide, "Using service-linked roles for Amazon ECS").
            throw EcsErrors.InvalidParameter("Unable to assume the service linked role. Please verify that the ECS service linked role exists.");
        }

        if (existing is not null)
        {
            State.Services.Remove(existing);
        }

        var deployment = NewDeployment(definition.TaskDefinitionArn);
        var service = new ServiceRecord
        {
            ServiceName = request.ServiceName,
            ServiceArn = EcsArn($"service/{cluster.ClusterName}/{request.ServiceName}"),
            ClusterName = cluster.ClusterName,
            DeploymentId = deployment.Id,
            Deployments = [deployment],
            TaskDefinitionArn = definition.TaskDefinitionArn,
            DesiredCount = desired,
            LaunchType = launchType,
            ClientToken = request.ClientToken,
            CreatedAt = region.Now,
            Tags = tags,
        };
        State.Services.Add(service);
        return new CreateServiceResponse(ToModel(service, includeTags: true));
    }

    public DescribeServicesResponse DescribeServices(DescribeServicesRequest request)
    {
        var cluster = FindCluster(request.Cluster) ?? throw EcsErrors.ClusterNotFound();
        if (request.Services.Count is 0 or > 10)
        {
            throw EcsErrors.InvalidParameter("services must contain between 1 and 10 items.");
        }

        var found = new List<EcsService>();
        var failures = new List<EcsFailure>();
        foreach (var reference in request.Services)
        {
            if (FindService(cluster, reference) is { } service)
            {
                found.Add(ToModel(service, IncludesTags(request.Include)));
            }
            else
            {
                failures.Add(new EcsFailure(reference.StartsWith("arn:", StringComparison.Ordinal) ? reference : EcsArn($"service/{cluster.ClusterName}/{reference}"), "MISSING"));
            }
        }

        return new DescribeServicesResponse(found, failures);
    }

    public UpdateServiceResponse UpdateService(UpdateServiceRequest request)
    {
        var cluster = RequireActiveCluster(request.Cluster);
        var service = FindService(cluster, request.Service) ?? throw EcsErrors.ServiceNotFound();
        if (service.Status != EcsServiceStatus.Active)
        {
            throw EcsErrors.ServiceNotActive();
        }

        if (request.DesiredCount is < 0)
        {
            throw EcsErrors.InvalidParameter("desiredCount must not be negative.");
        }

        if (request.TaskDefinition is { Length: > 0 } reference)
        {
            var definition = ResolveForLaunch(reference);
            if (definition.TaskDefinitionArn != service.TaskDefinitionArn)
            {
                // A new PRIMARY deployment; the old one stays ACTIVE until its tasks are replaced.
                foreach (var old in service.Deployments)
                {
                    old.Status = EcsDeploymentStatus.Active;
                }

                var deployment = NewDeployment(definition.TaskDefinitionArn);
                service.Deployments.Insert(0, deployment);
                service.DeploymentId = deployment.Id;
                service.TaskDefinitionArn = definition.TaskDefinitionArn;
            }
        }

        service.DesiredCount = request.DesiredCount ?? service.DesiredCount;
        return new UpdateServiceResponse(ToModel(service, includeTags: false));
    }

    public DeleteServiceResponse DeleteService(DeleteServiceRequest request)
    {
        var cluster = RequireActiveCluster(request.Cluster);
        var service = FindService(cluster, request.Service) ?? throw EcsErrors.ServiceNotFound();
        if (service.Status != EcsServiceStatus.Active)
        {
            throw EcsErrors.ServiceNotActive();
        }

        if (service.DesiredCount > 0 && request.Force != true)
        {
            throw EcsErrors.InvalidParameter("The service cannot be stopped while it is scaled above 0.");
        }

        service.DesiredCount = 0;
        service.Status = EcsServiceStatus.Draining;
        foreach (var task in State.Tasks.Where(t => t.ClusterName == cluster.ClusterName && t.Group == service.Group && t.IsActive))
        {
            Stop(task, "Service deleted", region.Now);
        }

        return new DeleteServiceResponse(ToModel(service, includeTags: false));
    }

    private ServiceRecord? FindService(ClusterRecord cluster, string reference)
    {
        var name = IdOf(reference);
        return State.Services.Find(s => s.ClusterName == cluster.ClusterName && s.ServiceName == name);
    }

    /// <summary>
    /// The service scheduler, as ECS's rolling update does with its defaults (minimumHealthyPercent
    /// 100, maximumPercent 200): the PRIMARY deployment's tasks are started up to the desired count
    /// where they fit; an older deployment's tasks are stopped only once the PRIMARY one has that many
    /// RUNNING, then the deployment goes; surplus tasks are stopped. A task that fits nowhere leaves
    /// a service event naming the closest instance's shortfall, as ECS reports it
    /// (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-event-messages-list.html).
    /// DRAINING services become INACTIVE once their tasks have stopped.
    /// </summary>
    private void ConvergeServices(DateTimeOffset now)
    {
        foreach (var service in State.Services.Where(s => s.Status != EcsServiceStatus.Inactive))
        {
            if (service.Status == EcsServiceStatus.Draining)
            {
                if (!State.Tasks.Exists(t => t.ClusterName == service.ClusterName && t.Group == service.Group && t.IsActive))
                {
                    service.Status = EcsServiceStatus.Inactive;
                }

                continue;
            }

            var primary = Primary(service);
            // Tasks on a DRAINING instance are replaced first, then stopped (minimumHealthyPercent 100).
            var draining = TasksOf(service, primary.StartedBy).Where(OnDrainingInstance).ToList();
            var current = TasksOf(service, primary.StartedBy).Except(draining).ToList();
            var cluster = State.Clusters.Find(c => c.ClusterName == service.ClusterName && c.Status == ClusterStatus.Active);
            var definition = State.TaskDefinitions.Find(d => d.TaskDefinitionArn == primary.TaskDefinitionArn);
            var started = new List<TaskRecord>();
            for (var missing = service.DesiredCount - current.Count; missing > 0 && cluster is not null && definition is not null; missing--)
            {
                var (task, reasons) = TryPlace(cluster, definition, primary.StartedBy, service.Group, [], now);
                if (task is null)
                {
                    if (started.Count > 0)
                    {
                        AddEvent(service, Started(service, started), now);
                        started.Clear();
                    }

                    AddEvent(service, UnableToPlace(service, reasons), now);
                    break;
                }

                started.Add(task);
            }

            if (started.Count > 0)
            {
                AddEvent(service, Started(service, started), now);
            }

            foreach (var surplus in current.OrderByDescending(t => t.CreatedAt).Take(Math.Max(0, current.Count - service.DesiredCount)))
            {
                Stop(surplus, "Scaling activity initiated by (deployment ecs-svc/" + primary.Id + ")", now);
            }

            var primaryRunning = TasksOf(service, primary.StartedBy).Where(t => !OnDrainingInstance(t)).Count(t => t.LastStatus == EcsTaskStatus.Running);
            if (primaryRunning >= service.DesiredCount)
            {
                foreach (var task in draining)
                {
                    Stop(task, "Container instance is draining", now);
                }
            }

            // minimumHealthyPercent 100: an old task may stop only while the service keeps its desired count RUNNING without it.
            var oldRunning = service.Deployments.Where(d => d != primary).Sum(d => TasksOf(service, d.StartedBy).Count(t => t.LastStatus == EcsTaskStatus.Running));
            foreach (var old in service.Deployments.Where(d => d != primary).ToList())
            {
                foreach (var task in TasksOf(service, old.StartedBy).OrderBy(t => t.LastStatus == EcsTaskStatus.Running))
                {
                    var running = task.LastStatus == EcsTaskStatus.Running;
                    if (running && primaryRunning + oldRunning - 1 < service.DesiredCount)
                    {
                        break;
                    }

                    Stop(task, $"Task replaced by deployment ecs-svc/{primary.Id}", now);
                    oldRunning -= running ? 1 : 0;
                }

                if (!State.Tasks.Exists(t => t.ClusterName == service.ClusterName && t.StartedBy == old.StartedBy && t.IsActive))
                {
                    service.Deployments.Remove(old);
                }
            }
        }
    }

    private bool OnDrainingInstance(TaskRecord task) =>
        State.ContainerInstances.Exists(i => i.ContainerInstanceArn == task.ContainerInstanceArn && i.Status == ContainerInstanceStatus.Draining);

    private DeploymentRecord NewDeployment(string taskDefinitionArn) => new()
    {
        Id = region.Ids.Digits("ecs-svc", 19),
        TaskDefinitionArn = taskDefinitionArn,
        CreatedAt = region.Now,
    };

    /// <summary>The PRIMARY deployment; a service saved before deployments were modelled gets one from its own fields.</summary>
    private static DeploymentRecord Primary(ServiceRecord service)
    {
        if (service.Deployments.Count == 0)
        {
            service.Deployments.Add(new DeploymentRecord { Id = service.DeploymentId, TaskDefinitionArn = service.TaskDefinitionArn, CreatedAt = service.CreatedAt });
        }

        return service.Deployments[0];
    }

    private List<TaskRecord> TasksOf(ServiceRecord service, string startedBy) =>
        [.. State.Tasks.Where(t => t.ClusterName == service.ClusterName && t.Group == service.Group && t.StartedBy == startedBy && t.DesiredStatus == EcsTaskStatus.Running)];

    private static string UnableToPlace(ServiceRecord service, List<EcsFailure> reasons)
    {
        var prefix = $"(service {service.ServiceName}) was unable to place a task because no container instance met all of its requirements.";
        if (reasons.Count == 0)
        {
            return prefix + " Reason: No Container Instances were found in your cluster.";
        }

        var closest = reasons[0];
        var shortfall = closest.Reason switch
        {
            "RESOURCE:CPU" => "has insufficient CPU units available",
            "RESOURCE:MEMORY" => "has insufficient memory available",
            "RESOURCE:PORTS" => "is already using a port required by your task",
            _ => "is not connected to ECS",
        };
        return $"{prefix} The closest matching container-instance {IdOf(closest.Arn ?? "")} {shortfall}. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.";
    }

    private static string Started(ServiceRecord service, List<TaskRecord> tasks) =>
        $"(service {service.ServiceName}) has started {tasks.Count} tasks: {string.Join(" ", tasks.Select(t => $"(task {IdOf(t.TaskArn)})"))}.";

    /// <summary>ECS repeats a message only when something changed; it keeps the latest 100.</summary>
    private void AddEvent(ServiceRecord service, string message, DateTimeOffset now)
    {
        if (service.Events.Count > 0 && service.Events[0].Message == message)
        {
            return;
        }

        var hex = region.Ids.Hex("ecs-event", 32);
        var id = $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
        service.Events.Insert(0, new ServiceEventRecord { Id = id, Message = message, CreatedAt = now });
        if (service.Events.Count > 100)
        {
            service.Events.RemoveRange(100, service.Events.Count - 100);
        }
    }

    private EcsService ToModel(ServiceRecord service, bool includeTags)
    {
        var tasks = State.Tasks.Where(t => t.ClusterName == service.ClusterName && t.Group == service.Group && t.DesiredStatus == EcsTaskStatus.Running).ToList();
        return new EcsService
        {
            ServiceArn = service.ServiceArn,
            ServiceName = service.ServiceName,
            ClusterArn = EcsArn($"cluster/{service.ClusterName}"),
            Status = service.Status,
            TaskDefinition = service.TaskDefinitionArn,
            DesiredCount = service.DesiredCount,
            RunningCount = tasks.Count(t => t.LastStatus == EcsTaskStatus.Running),
            PendingCount = tasks.Count(t => t.LastStatus == EcsTaskStatus.Pending),
            LaunchType = service.LaunchType,
            Tags = includeTags ? ToTags(service.Tags) : [],
            Deployments = [.. service.Deployments.Select(d =>
            {
                var deploymentTasks = tasks.Where(t => t.StartedBy == d.StartedBy).ToList();
                var desired = d.Status == EcsDeploymentStatus.Primary ? service.DesiredCount : 0;
                var running = deploymentTasks.Count(t => t.LastStatus == EcsTaskStatus.Running);
                return new EcsDeployment(d.Id, d.Status, d.TaskDefinitionArn, desired, running,
                    deploymentTasks.Count(t => t.LastStatus == EcsTaskStatus.Pending), d.CreatedAt.ToUnixTimeMilliseconds() / 1000.0,
                    d.Status == EcsDeploymentStatus.Primary && running == desired && service.Deployments.Count == 1 ? "COMPLETED" : "IN_PROGRESS");
            })],
            Events = [.. service.Events.Select(e => new EcsServiceEvent(e.Id, e.Message, e.CreatedAt.ToUnixTimeMilliseconds() / 1000.0))],
        };
    }
}
