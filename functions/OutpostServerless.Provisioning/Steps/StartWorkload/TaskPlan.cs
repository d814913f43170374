using OutpostServerless.Aws.Ecs;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>
/// Task mode, reconciled: the tasks of the current revision that ECS still knows count as run,
/// finished or not (so an unchanged re-run runs nothing); the missing ones are run, running extras
/// and running tasks of older revisions are stopped.
/// </summary>
/// <param name="ToRun">How many tasks of the current revision to run.</param>
/// <param name="ToStop">The running tasks to stop.</param>
public sealed record TaskPlan(int ToRun, IReadOnlyList<string> ToStop)
{
    /// <param name="currentTaskDefinitionArn">The revision the request asks for; null when it is still to be registered.</param>
    public static TaskPlan Of(int desiredCount, string? currentTaskDefinitionArn, IReadOnlyList<TaskSnapshot> tasks)
    {
        var current = tasks.Where(t => t.TaskDefinitionArn == currentTaskDefinitionArn).ToList();
        var running = current.Where(t => t.DesiredStatus == EcsTaskStatus.Running).OrderBy(t => t.TaskArn, StringComparer.Ordinal).ToList();
        var stale = tasks.Where(t => t.TaskDefinitionArn != currentTaskDefinitionArn && t.DesiredStatus == EcsTaskStatus.Running).Select(t => t.TaskArn);
        var extra = running.Skip(Math.Max(0, desiredCount - (current.Count - running.Count))).Select(t => t.TaskArn);
        return new TaskPlan(Math.Max(0, desiredCount - current.Count), [.. stale.Concat(extra)]);
    }
}
