using System.Reflection;

namespace OutpostServerless.Provisioning.Tests.Steps.Racing;

/// <summary>Makes racing ports.</summary>
public static class RacingPort
{
    public static TPort Around<TPort>(TPort target, Rendezvous rendezvous)
        where TPort : class
    {
        var port = DispatchProxy.Create<TPort, RacingPort<TPort>>();
        ((RacingPort<TPort>)(object)port).Race(target, rendezvous);
        return port;
    }
}

/// <summary>
/// One racer's view of a port: calls go to the real port, but the racer's first call of each of the
/// <see cref="Rendezvous"/>'s operations does not return until every racer has made it.
/// </summary>
public class RacingPort<TPort> : DispatchProxy
    where TPort : class
{
    private static readonly MethodInfo MeetAfter = typeof(RacingPort<TPort>).GetMethod(nameof(AfterMeetingAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly HashSet<string> _met = new(StringComparer.Ordinal);
    private TPort _target = null!;
    private Rendezvous _rendezvous = null!;

    internal void Race(TPort target, Rendezvous rendezvous)
    {
        _target = target;
        _rendezvous = rendezvous;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        var call = targetMethod.Invoke(_target, args);
        var operation = targetMethod.Name;
        if (!_rendezvous.Operations.Contains(operation) || !_met.Add(operation))
        {
            return call;
        }

        var meeting = _rendezvous.ArriveAsync(operation);
        return MeetAfter.MakeGenericMethod(targetMethod.ReturnType.GetGenericArguments()[0]).Invoke(null, [call, meeting]);
    }

    private static async Task<TResult> AfterMeetingAsync<TResult>(Task<TResult> call, Task meeting)
    {
        try
        {
            return await call;
        }
        finally
        {
            await meeting;
        }
    }
}
