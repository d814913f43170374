using System.Globalization;
using OutpostServerless.Aws.Ecs;
using OutpostServerless.Emulator.Ec2;

namespace OutpostServerless.Emulator.Ecs;

internal sealed partial class EcsWorld
{
    private const string AgentVersion = "1.89.2";

    public ListContainerInstancesResponse ListContainerInstances(ListContainerInstancesRequest request)
    {
        var cluster = FindCluster(request.Cluster) ?? throw EcsErrors.ClusterNotFound();
        var arns = State.ContainerInstances
            .Where(i => i.ClusterName == cluster.ClusterName && (request.Status is null ? i.Status != ContainerInstanceStatus.Inactive : i.Status == request.Status))
            .Select(i => i.ContainerInstanceArn)
            .ToList();
        var (page, next) = Page(arns, request.NextToken);
        return new ListContainerInstancesResponse(page, next);
    }

    public DescribeContainerInstancesResponse DescribeContainerInstances(DescribeContainerInstancesRequest request)
    {
        var cluster = FindCluster(request.Cluster) ?? throw EcsErrors.ClusterNotFound();
        if (request.ContainerInstances.Count is 0 or > 100)
        {
            throw EcsErrors.InvalidParameter("containerInstances must contain between 1 and 100 items.");
        }

        var found = new List<ContainerInstance>();
        var failures = new List<EcsFailure>();
        foreach (var reference in request.ContainerInstances)
        {
            if (FindContainerInstance(cluster, reference) is { } instance)
            {
                found.Add(ToModel(instance, IncludesTags(request.Include)));
            }
            else
            {
                failures.Add(new EcsFailure(reference.StartsWith("arn:", StringComparison.Ordinal) ? reference : EcsArn($"container-instance/{cluster.ClusterName}/{reference}"), "MISSING"));
            }
        }

        return new DescribeContainerInstancesResponse(found, failures);
    }

    /// <summary>
    /// ACTIVE ↔ DRAINING. A DRAINING instance gets no new tasks; its service tasks are replaced
    /// elsewhere by the scheduler (<see cref="ConvergeServices"/>); standalone tasks keep running
    /// (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/container-instance-draining.html).
    /// </summary>
    public UpdateContainerInstancesStateResponse UpdateContainerInstancesState(UpdateContainerInstancesStateRequest request)
    {
        var cluster = RequireActiveCluster(request.Cluster);
        if (request.ContainerInstances.Count is 0 or > 10)
        {
            throw EcsErrors.InvalidParameter("containerInstances must contain between 1 and 10 items.");
        }

        if (request.Status != ContainerInstanceStatus.Active && request.Status != ContainerInstanceStatus.Draining)
        {
            throw EcsErrors.InvalidParameter("Container instances status should be one of [ACTIVE,DRAINING]");
        }

        var updated = new List<ContainerInstance>();
        var failures = new List<EcsFailure>();
        foreach (var reference in request.ContainerInstances)
        {
            if (FindContainerInstance(cluster, reference) is { IsRegistered: true } instance)
            {
                instance.Status = request.Status;
                updated.Add(ToModel(instance, includeTags: false));
            }
            else
            {
                failures.Add(new EcsFailure(reference.StartsWith("arn:", StringComparison.Ordinal) ? reference : EcsArn($"container-instance/{cluster.ClusterName}/{reference}"), "MISSING"));
            }
        }

        return new UpdateContainerInstancesStateResponse(updated, failures);
    }

    public DeregisterContainerInstanceResponse DeregisterContainerInstance(DeregisterContainerInstanceRequest request)
    {
        var cluster = RequireActiveCluster(request.Cluster);
        var instance = FindContainerInstance(cluster, request.ContainerInstance) is { } found && found.Status != ContainerInstanceStatus.Inactive
            ? found
            : throw EcsErrors.InvalidParameter("The referenced container instance was not found.");
        var tasks = State.Tasks.Where(t => t.ContainerInstanceArn == instance.ContainerInstanceArn && t.IsActive).ToList();
        if (tasks.Count > 0 && !request.Force)
        {
            throw EcsErrors.InvalidParameter("Found running tasks on the instance.");
        }

        Deregister(instance, region.Now, "Container instance deregistered.");
        return new DeregisterContainerInstanceResponse(ToModel(instance, includeTags: false));
    }

    private ContainerInstanceRecord? FindContainerInstance(ClusterRecord cluster, string reference)
    {
        var id = IdOf(reference);
        return State.ContainerInstances.Find(i => i.ClusterName == cluster.ClusterName && IdOf(i.ContainerInstanceArn) == id);
    }

    /// <summary>
    /// The agent on each launched instance, evaluated lazily: once the registration delay has
    /// passed and the instance runs, it reads ecs.config and registers with its cluster, provided
    /// the AMI carries the agent, the config is valid, the instance's network has a way to ECS (a
    /// route out or ECS's interface endpoints), the instance profile lets it call ECS, the Outpost
    /// can reach the Region and the cluster exists. Until then it keeps retrying, as the
    /// real agent does; an agent that cannot start never registers.
    /// </summary>
    private void RegisterAgents(DateTimeOffset now)
    {
        foreach (var instance in region.Ec2.Instances)
        {
            if (State.Agents.ContainsKey(instance.InstanceId)
                || instance.State != InstanceStates.Running
                || now < instance.LaunchTime + region.Options.Timings.AgentRegistration)
            {
                continue;
            }

            if (region.Options.Images.FirstOrDefault(i => i.ImageId == instance.ImageId) is not { HasEcsAgent: true })
            {
                State.Agents[instance.InstanceId] = new AgentRecord { Outcome = "failed", Reason = "The AMI has no ECS agent." };
                continue;
            }

            var (config, problem) = EcsAgentConfig.FromUserData(instance.UserData);
            if (config is null)
            {
                State.Agents[instance.InstanceId] = new AgentRecord { Outcome = "failed", Reason = problem };
                continue;
            }

            var outpost = region.Outposts.FindByArn(instance.OutpostArn);
            var cluster = State.Clusters.Find(c => c.ClusterName == config.Cluster && c.Status == ClusterStatus.Active);
            if ((outpost is not null && !outpost.Connected)
                || !region.Ec2.Reaches(instance, AwsEndpoint.Ecs)
                || !region.Iam.CanRegisterContainerInstance(instance.IamInstanceProfileArn)
                || cluster is null)
            {
                continue;
            }

            State.Agents[instance.InstanceId] = new AgentRecord { Outcome = "registered", Config = config };
            State.ContainerInstances.Add(NewContainerInstance(instance, cluster, config, now));
        }
    }

    private ContainerInstanceRecord NewContainerInstance(InstanceRecord instance, ClusterRecord cluster, EcsAgentConfig config, DateTimeOffset now)
    {
        var type = InstanceTypeCatalog.Find(instance.InstanceType)!;
        var tags = config.PropagateEc2InstanceTags
            ? instance.Tags.Where(t => !t.Key.StartsWith("aws:", StringComparison.Ordinal)).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in config.ContainerInstanceTags)
        {
            tags[tag.Key] = tag.Value;
        }

        var attributes = new List<EcsAttribute>
        {
            new("ecs.ami-id", instance.ImageId),
            new("ecs.availability-zone", instance.AvailabilityZone),
            new("ecs.instance-type", instance.InstanceType),
            new("ecs.os-type", "linux"),
            new("ecs.os-family", "LINUX"),
            new("ecs.cpu-architecture", instance.Architecture),
            new("ecs.vpc-id", instance.VpcId),
            new("ecs.subnet-id", instance.SubnetId),
            new("ecs.capability.task-eni"),
            new("com.amazonaws.ecs.capability.docker-remote-api.1.44"),
        };
        if (instance.OutpostArn is not null)
        {
            attributes.Add(new EcsAttribute("ecs.outpost-arn", instance.OutpostArn));
        }

        return new ContainerInstanceRecord
        {
            ContainerInstanceArn = EcsArn($"container-instance/{cluster.ClusterName}/{region.Ids.Hex("container-instance", 32)}"),
            ClusterName = cluster.ClusterName,
            Ec2InstanceId = instance.InstanceId,
            RegisteredAt = now,
            RegisteredCpu = type.VCpus * 1024,
            // The agent registers the memory the OS leaves for containers, a little under the total.
            RegisteredMemory = (int)(type.MemoryMiB * 0.92),
            Attributes = attributes,
            Tags = tags,
        };
    }

    /// <summary>
    /// An instance asked to terminate shuts its containers down: its agent disconnects and reports its tasks
    /// STOPPED (after <see cref="EmulatorTimings.TaskStop"/>), but the container instance stays registered,
    /// ACTIVE or DRAINING, until EC2 reports the instance terminated; only then does ECS deregister it
    /// ("If you terminate a running container instance, Amazon ECS automatically deregisters the instance
    /// from the cluster", ECS developer guide, "Deregister an Amazon ECS container instance"). Meanwhile
    /// DeleteCluster answers ClusterContainsContainerInstancesException.
    /// </summary>
    private void DeregisterGoneInstances(DateTimeOffset now)
    {
        foreach (var registered in State.ContainerInstances.Where(i => i.Status != ContainerInstanceStatus.Inactive))
        {
            var instance = region.Ec2.FindInstance(registered.Ec2InstanceId);
            var reason = $"Host EC2 (instance {registered.Ec2InstanceId}) terminated.";
            if (instance is null || instance.State == InstanceStates.Terminated)
            {
                Deregister(registered, instance?.TerminatedAt ?? now, reason);
            }
            else if (instance is { IsLive: false, ShutdownRequestedAt: { } shutdown })
            {
                foreach (var task in State.Tasks.Where(t => t.ContainerInstanceArn == registered.ContainerInstanceArn))
                {
                    Stop(task, reason, shutdown);
                }
            }
        }
    }

    private void Deregister(ContainerInstanceRecord instance, DateTimeOffset now, string reason)
    {
        instance.Status = ContainerInstanceStatus.Inactive;
        foreach (var task in State.Tasks.Where(t => t.ContainerInstanceArn == instance.ContainerInstanceArn && t.IsActive))
        {
            task.DesiredStatus = EcsTaskStatus.Stopped;
            task.LastStatus = EcsTaskStatus.Stopped;
            task.StoppedReason ??= reason;
            task.StopRequestedAt ??= now;
            task.StoppedAt = now;
        }
    }

    /// <summary>The agent is gone once its instance starts shutting down, and cannot reach ECS from a disconnected Outpost.</summary>
    private bool AgentConnected(ContainerInstanceRecord instance) =>
        instance.Status != ContainerInstanceStatus.Inactive
        && region.Ec2.FindInstance(instance.Ec2InstanceId) is { IsLive: true } ec2Instance
        && region.Outposts.FindByArn(ec2Instance.OutpostArn) is not { Connected: false };

    private ContainerInstance ToModel(ContainerInstanceRecord instance, bool includeTags) => new()
    {
        ContainerInstanceArn = instance.ContainerInstanceArn,
        Ec2InstanceId = instance.Ec2InstanceId,
        Status = instance.Status,
        AgentConnected = AgentConnected(instance),
        RunningTasksCount = State.Tasks.Count(t => t.ContainerInstanceArn == instance.ContainerInstanceArn && t.LastStatus == EcsTaskStatus.Running),
        PendingTasksCount = State.Tasks.Count(t => t.ContainerInstanceArn == instance.ContainerInstanceArn && t.LastStatus == EcsTaskStatus.Pending),
        Attributes = instance.Attributes,
        Tags = includeTags ? ToTags(instance.Tags) : [],
    };

    private static (List<string> Page, string? Next) Page(List<string> items, string? nextToken)
    {
        const int pageSize = 100;
        var start = 0;
        if (nextToken is not null && (!int.TryParse(nextToken, NumberStyles.None, CultureInfo.InvariantCulture, out start) || start > items.Count))
        {
            throw EcsErrors.InvalidParameter("Invalid nextToken.");
        }

        var page = items.Skip(start).Take(pageSize).ToList();
        return (page, start + pageSize < items.Count ? (start + pageSize).ToString(CultureInfo.InvariantCulture) : null);
    }
}
