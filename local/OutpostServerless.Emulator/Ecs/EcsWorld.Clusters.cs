using OutpostServerless.Aws.Ecs;

namespace OutpostServerless.Emulator.Ecs;

internal sealed partial class EcsWorld
{
    public CreateClusterResponse CreateCluster(CreateClusterRequest request)
    {
        var name = string.IsNullOrEmpty(request.ClusterName) ? "default" : request.ClusterName;
        if (!ResourceName().IsMatch(name))
        {
            throw EcsErrors.InvalidParameter("Cluster name can only contain letters, numbers, hyphens and underscores, and be 1 to 255 characters long.");
        }

        var tags = Tags(request.Tags);
        var existing = State.Clusters.Find(c => c.ClusterName == name);
        if (existing?.Status == ClusterStatus.Active)
        {
            // CreateCluster is idempotent by name: the ACTIVE cluster is returned, unchanged.
            return new CreateClusterResponse(ToModel(existing, includeTags: true));
        }

        if (existing is not null)
        {
            State.Clusters.Remove(existing);
        }

        // ECS creates its service-linked role on the first cluster of an account, if the caller may.
        if (region.Options.ClusterCreatorsMayCreateServiceLinkedRole)
        {
            region.Iam.EnsureServiceLinkedRole(Iam.IamWorld.EcsServiceName);
        }

        var cluster = new ClusterRecord { ClusterName = name, ClusterArn = EcsArn($"cluster/{name}"), CreatedAt = region.Now, Tags = tags };
        State.Clusters.Add(cluster);
        return new CreateClusterResponse(ToModel(cluster, includeTags: true));
    }

    public DescribeClustersResponse DescribeClusters(DescribeClustersRequest request)
    {
        var names = request.Clusters.Count == 0 ? ["default"] : request.Clusters;
        if (names.Count > 100)
        {
            throw EcsErrors.InvalidParameter("A maximum of 100 clusters can be described at once.");
        }

        var clusters = new List<Cluster>();
        var failures = new List<EcsFailure>();
        foreach (var reference in names)
        {
            if (FindCluster(reference) is { } cluster)
            {
                clusters.Add(ToModel(cluster, IncludesTags(request.Include)));
            }
            else
            {
                failures.Add(new EcsFailure(EcsArn($"cluster/{ClusterName(reference)}"), "MISSING"));
            }
        }

        return new DescribeClustersResponse(clusters, failures);
    }

    public DeleteClusterResponse DeleteCluster(DeleteClusterRequest request)
    {
        var cluster = RequireActiveCluster(request.Cluster);
        if (State.ContainerInstances.Exists(i => i.ClusterName == cluster.ClusterName && i.IsRegistered))
        {
            throw EcsErrors.Error(EcsErrorCodes.ClusterContainsContainerInstancesException, "The Cluster cannot be deleted while Container Instances are active or draining.");
        }

        if (State.Services.Exists(s => s.ClusterName == cluster.ClusterName && (s.Status == EcsServiceStatus.Active || s.Status == EcsServiceStatus.Draining)))
        {
            throw EcsErrors.Error(EcsErrorCodes.ClusterContainsServicesException, "The Cluster cannot be deleted while Services are active.");
        }

        if (State.Tasks.Exists(t => t.ClusterName == cluster.ClusterName && t.IsActive))
        {
            throw EcsErrors.Error(EcsErrorCodes.ClusterContainsTasksException, "The Cluster cannot be deleted while Tasks are active.");
        }

        cluster.Status = ClusterStatus.Inactive;
        return new DeleteClusterResponse(ToModel(cluster, includeTags: false));
    }

    private Cluster ToModel(ClusterRecord cluster, bool includeTags)
    {
        var active = cluster.Status == ClusterStatus.Active;
        var tasks = State.Tasks.Where(t => t.ClusterName == cluster.ClusterName && t.DesiredStatus == EcsTaskStatus.Running).ToList();
        return new Cluster
        {
            ClusterArn = cluster.ClusterArn,
            ClusterName = cluster.ClusterName,
            Status = cluster.Status,
            RegisteredContainerInstancesCount = active ? State.ContainerInstances.Count(i => i.ClusterName == cluster.ClusterName && i.IsRegistered) : 0,
            RunningTasksCount = active ? tasks.Count(t => t.LastStatus == EcsTaskStatus.Running) : 0,
            PendingTasksCount = active ? tasks.Count(t => t.LastStatus == EcsTaskStatus.Pending) : 0,
            ActiveServicesCount = active ? State.Services.Count(s => s.ClusterName == cluster.ClusterName && s.Status == EcsServiceStatus.Active) : 0,
            Tags = includeTags ? ToTags(cluster.Tags) : [],
        };
    }
}
