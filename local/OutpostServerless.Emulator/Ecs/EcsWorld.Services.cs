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
        if (existing is { Status: "ACTIVE" })
        {
            // Same name, same parameters: the existing service; anything different is refused.
            var same = existing.TaskDefinitionArn == definition.TaskDefinitionArn && existing.DesiredCount == desired && existing.LaunchType == launchType
                && (request.ClientToken is null || existing.ClientToken is null || request.ClientToken == existing.ClientToken);
            return same
                ? new CreateServiceResponse(ToModel(existing, includeTags: true))
                : throw EcsErrors.InvalidParameter("Creation of service was not idempotent.");
        }

        if (existing is { Status: "DRAINING" })
        {
            throw EcsErrors.InvalidParameter("Unable to Start a service that is still Draining.");
        }

        RequireLaunchable(definition, request.LaunchType);
        if (existing is not null)
        {
            State.Services.Remove(existing);
        }

        var service = new ServiceRecord
        {
            ServiceName = request.ServiceName,
            ServiceArn = EcsArn($"service/{cluster.ClusterName}/{request.ServiceName}"),
            ClusterName = cluster.ClusterName,
            DeploymentId = region.Ids.Digits("ecs-svc", 19),
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
        if (service.Status != "ACTIVE")
        {
            throw EcsErrors.ServiceNotActive();
        }

        if (request.DesiredCount is < 0)
        {
            throw EcsErrors.InvalidParameter("desiredCount must not be negative.");
        }

        service.DesiredCount = request.DesiredCount ?? service.DesiredCount;
        return new UpdateServiceResponse(ToModel(service, includeTags: false));
    }

    public DeleteServiceResponse DeleteService(DeleteServiceRequest request)
    {
        var cluster = RequireActiveCluster(request.Cluster);
        var service = FindService(cluster, request.Service) ?? throw EcsErrors.ServiceNotFound();
        if (service.Status != "ACTIVE")
        {
            throw EcsErrors.ServiceNotActive();
        }

        if (service.DesiredCount > 0 && request.Force != true)
        {
            throw EcsErrors.InvalidParameter("The service cannot be stopped while it is scaled above 0.");
        }

        service.DesiredCount = 0;
        service.Status = "DRAINING";
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
    /// The service scheduler: ACTIVE services start tasks up to their desired count where they fit
    /// and stop the surplus; DRAINING services become INACTIVE once their tasks have stopped.
    /// </summary>
    private void ConvergeServices(DateTimeOffset now)
    {
        foreach (var service in State.Services.Where(s => s.Status != "INACTIVE"))
        {
            var tasks = State.Tasks.Where(t => t.ClusterName == service.ClusterName && t.Group == service.Group && t.DesiredStatus == "RUNNING").ToList();
            if (service.Status == "DRAINING")
            {
                if (!State.Tasks.Exists(t => t.ClusterName == service.ClusterName && t.Group == service.Group && t.IsActive))
                {
                    service.Status = "INACTIVE";
                }

                continue;
            }

            var cluster = State.Clusters.Find(c => c.ClusterName == service.ClusterName && c.Status == "ACTIVE");
            var definition = State.TaskDefinitions.Find(d => d.TaskDefinitionArn == service.TaskDefinitionArn);
            for (var missing = service.DesiredCount - tasks.Count; missing > 0 && cluster is not null && definition is not null; missing--)
            {
                if (TryPlace(cluster, definition, $"ecs-svc/{service.DeploymentId}", service.Group, [], now).Task is null)
                {
                    break;
                }
            }

            foreach (var surplus in tasks.OrderByDescending(t => t.CreatedAt).Take(Math.Max(0, tasks.Count - service.DesiredCount)))
            {
                Stop(surplus, "Scaling activity initiated by (deployment ecs-svc/" + service.DeploymentId + ")", now);
            }
        }
    }

    private EcsService ToModel(ServiceRecord service, bool includeTags)
    {
        var tasks = State.Tasks.Where(t => t.ClusterName == service.ClusterName && t.Group == service.Group && t.DesiredStatus == "RUNNING").ToList();
        return new EcsService
        {
            ServiceArn = service.ServiceArn,
            ServiceName = service.ServiceName,
            ClusterArn = EcsArn($"cluster/{service.ClusterName}"),
            Status = service.Status,
            TaskDefinition = service.TaskDefinitionArn,
            DesiredCount = service.DesiredCount,
            RunningCount = tasks.Count(t => t.LastStatus == "RUNNING"),
            PendingCount = tasks.Count(t => t.LastStatus == "PENDING"),
            LaunchType = service.LaunchType,
            Tags = includeTags ? ToTags(service.Tags) : [],
        };
    }
}
