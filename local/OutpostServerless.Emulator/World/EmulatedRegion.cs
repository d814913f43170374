using Amazon.Runtime;
using OutpostServerless.Emulator.Calls;
using OutpostServerless.Emulator.CloudWatch;
using OutpostServerless.Emulator.DynamoDb;
using OutpostServerless.Emulator.Ec2;
using OutpostServerless.Emulator.Ecs;
using OutpostServerless.Emulator.Iam;
using OutpostServerless.Emulator.Outposts;
using OutpostServerless.Emulator.Ssm;

namespace OutpostServerless.Emulator.World;

/// <summary>
/// The one lock, the clock and the per-service worlds over one <see cref="WorldState"/>. Every API
/// call goes through <see cref="Invoke{T}"/>: take the lock, let virtual time catch up (instances
/// boot, agents register, tasks start, scheduled capacity arrives), apply an injected fault (before
/// the operation, or after it for a lost response) or run the operation, count the call, then let
/// time catch up again for what the call set off.
/// </summary>
internal sealed class EmulatedRegion
{
    private readonly Lock _sync = new();

    public EmulatedRegion(TimeProvider clock, WorldState state)
    {
        Clock = clock;
        State = state;
        Ids = new IdGenerator(state.Ids, state.Options.Seed);
        Outposts = new OutpostsWorld(this);
        Iam = new IamWorld(this);
        Ec2 = new Ec2World(this);
        Ecs = new EcsWorld(this);
        CloudWatch = new CloudWatchWorld(this);
        Ssm = new SsmWorld(this);
        DynamoDb = new DynamoDbWorld(this);
        Calls = new ApiCallLog(state.Calls);
        Faults = new FaultInjector(state.Faults);
    }

    public TimeProvider Clock { get; }
    public WorldState State { get; }
    public EmulatorOptions Options => State.Options;
    public IdGenerator Ids { get; }
    public OutpostsWorld Outposts { get; }
    public IamWorld Iam { get; }
    public Ec2World Ec2 { get; }
    public EcsWorld Ecs { get; }
    public CloudWatchWorld CloudWatch { get; }
    public SsmWorld Ssm { get; }
    public DynamoDbWorld DynamoDb { get; }
    public ApiCallLog Calls { get; }
    public FaultInjector Faults { get; }

    public DateTimeOffset Now => Clock.GetUtcNow();

    public string Arn(string service, string resource) => $"arn:aws:{service}:{Options.Region}:{Options.AccountId}:{resource}";

    /// <param name="caller">Who calls (a function's logical id), recorded with the call; null when unknown (e.g. a wire client).</param>
    public T Invoke<T>(string? caller, string operation, Func<T> action)
    {
        lock (_sync)
        {
            Advance();
            var now = Now;
            var fault = Faults.Next(operation, Calls.NextSequence);
            if (fault is { LetsCallRun: false })
            {
                Calls.Record(caller, operation, now, fault.CallerErrorCode(operation), fault.Kind);
                throw fault.ToException(operation);
            }

            if (fault is { Kind: FaultKind.CapacityTaken })
            {
                CapacityTheft.Apply(this, now, TimeSpan.FromSeconds(fault.HoldSeconds));
            }

            T result;
            try
            {
                result = action();
            }
            catch (AmazonServiceException e)
            {
                Calls.Record(caller, operation, now, e.ErrorCode, fault is { Kind: FaultKind.CapacityTaken } ? fault.Kind : null);
                throw;
            }

            if (fault is { Kind: FaultKind.TimeoutAfterEffect })
            {
                // The work is done; only the response is lost on its way back.
                Calls.Record(caller, operation, now, ApiCall.TimeoutErrorCode, fault.Kind);
                Advance();
                throw fault.ToException(operation);
            }

            Calls.Record(caller, operation, now, errorCode: null, fault?.Kind);
            Advance();
            return result;
        }
    }

    /// <summary>The port side of <see cref="Invoke{T}"/>: errors (and timeouts) surface through the task, as from a real client.</summary>
    public Task<T> InvokeAsync<T>(string? caller, string operation, Func<T> action, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        try
        {
            return Task.FromResult(Invoke(caller, operation, action));
        }
        catch (Exception e) when (e is AmazonServiceException or TimeoutException)
        {
            return Task.FromException<T>(e);
        }
    }

    public Task InvokeAsync(string? caller, string operation, Action action, CancellationToken cancellationToken) =>
        InvokeAsync(caller, operation, () =>
        {
            action();
            return true;
        }, cancellationToken);

    /// <summary>Runs an emulator-side action (not an API call: not counted) under the lock, time caught up.</summary>
    public T Locked<T>(Func<T> action)
    {
        lock (_sync)
        {
            Advance();
            var result = action();
            Advance();
            return result;
        }
    }

    public void Locked(Action action) => Locked(() =>
    {
        action();
        return true;
    });

    private void Advance()
    {
        var now = Now;
        Outposts.Advance(now);
        Ec2.Advance(now);
        Ecs.Advance(now);
    }
}
