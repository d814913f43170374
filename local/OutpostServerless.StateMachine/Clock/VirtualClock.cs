using OutpostServerless.StateMachine.Clock;

namespace OutpostServerless.StateMachine;

/// <summary>
/// A <see cref="TimeProvider"/> whose time moves only when everything using it is waiting: a
/// discrete-event scheduler. Engine work runs in strands that take turns (one at a time, in a fixed order,
/// so a run is deterministic); when no strand can run, the clock jumps to the earliest pending delay and
/// wakes it. A one-hour Wait therefore costs no real time, and a Parallel whose branches wait 10 s and
/// 20 s takes exactly 20 virtual seconds.
/// <para>
/// Timers from <see cref="CreateTimer"/> fire as time passes them but never pull time forward; a
/// <see cref="Delay"/> does. Code running inside an execution (e.g. a task invoker) that wants a task to
/// take virtual time should <c>await clock.Delay(...)</c>. A Delay outside any strand only completes once
/// every strand is idle. Task invocations hold their strand's turn, so real I/O takes no virtual time.
/// </para>
/// </summary>
public sealed class VirtualClock : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly SortedSet<ScheduledWake> _agenda = new(ScheduledWake.Order);
    private readonly Queue<StrandWakeup> _ready = new();
    private readonly AsyncLocal<ClockStrand?> _current = new();
    private DateTimeOffset _now;
    private long _sequence;
    private bool _tokenTaken;
    private int _drivingWaits;
    private int _strands;
    private int _holds;

    public VirtualClock(DateTimeOffset start) => _now = start;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>The strand the calling flow belongs to, if any; set when a strand starts.</summary>
    internal ClockStrand? CurrentStrand
    {
        get => _current.Value;
        set => _current.Value = value;
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new VirtualTimer(this, callback, state);
        ChangeTimer(timer, dueTime, period);
        return timer;
    }

    /// <summary>
    /// Waits <paramref name="delay"/> of virtual time. Called from an engine strand (e.g. inside a task
    /// invoker), the strand yields its turn meanwhile, so other branches run and time can move.
    /// </summary>
    public Task Delay(TimeSpan delay, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var strand = CurrentStrand;
        lock (_gate)
        {
            if (strand is not { State: StrandState.Running } || !ReferenceEquals(strand.Clock, this))
            {
                strand = null;
            }
        }

        return DelayCore(strand, delay, cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="work"/> as one more participant of the clock, alongside the executions: its
    /// <see cref="Delay"/>s wake it exactly when due and it keeps its turn while it works, as a strand of an
    /// execution does. For what the world does on its own schedule, such as a CloudWatch alarm evaluated every
    /// period.
    /// </summary>
    public async Task RunAsync(Func<Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var strand = await new VirtualTimeline(this).EnterAsync().ConfigureAwait(false);
        strand.MakeCurrent();
        try
        {
            await work().ConfigureAwait(false);
        }
        finally
        {
            strand.Exit();
        }
    }

    /// <summary>
    /// Keeps time still until the returned handle is disposed, while strands still run. Use it to start
    /// several executions at the same virtual instant: without it the first may already be waiting, and
    /// time moving, before the next one is started.
    /// </summary>
    public IDisposable Hold()
    {
        lock (_gate)
        {
            _holds++;
        }

        return new TimeHold(this);
    }

    /// <summary>
    /// Moves time forward by <paramref name="by"/>, firing timers and completing free delays on the way.
    /// For tests and tools; not allowed while executions (strands) are on this clock.
    /// </summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        DateTimeOffset target;
        lock (_gate)
        {
            if (_strands > 0)
            {
                throw new InvalidOperationException("Advance cannot be used while executions run on this clock; their waits move it.");
            }

            target = _now + by;
        }

        while (true)
        {
            List<ScheduledWake> due;
            lock (_gate)
            {
                if (_agenda.Count == 0 || _agenda.Min!.Due > target)
                {
                    _now = target;
                    return;
                }

                due = TakeDueLocked();
            }

            foreach (var wake in due)
            {
                wake.Fire();
            }
        }
    }

    internal async Task<ClockStrand> StartStrandAsync()
    {
        var strand = new ClockStrand(this);
        var wakeup = new StrandWakeup(strand);
        lock (_gate)
        {
            _strands++;
            _ready.Enqueue(wakeup);
        }

        Dispatch();
        await wakeup.Signal.ConfigureAwait(false);
        return strand;
    }

    internal Task DelayCore(ClockStrand? strand, TimeSpan delay, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (delay <= TimeSpan.Zero)
        {
            return Task.CompletedTask;
        }

        var wake = new DelayWake(this, strand);
        lock (_gate)
        {
            if (strand is not null)
            {
                RequireRunning(strand);
                strand.State = StrandState.Parked;
                _tokenTaken = false;
            }

            wake.Due = _now + delay;
            AddLocked(wake);
        }

        wake.Registration = cancellationToken.Register(static (w, token) => ((DelayWake)w!).Cancel(token), wake);
        Dispatch();
        return wake.Task;
    }

    /// <summary>
    /// The running strand parks until <paramref name="signal"/> completes, <paramref name="limit"/> (if any)
    /// passes, or <paramref name="cancellationToken"/> is cancelled; it then resumes with its turn back.
    /// </summary>
    internal Task WaitForSignalCore(ClockStrand strand, Task signal, TimeSpan? limit, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (signal.IsCompleted || limit <= TimeSpan.Zero)
        {
            return Task.CompletedTask;
        }

        var wait = new SignalWait(this, strand);
        lock (_gate)
        {
            RequireRunning(strand);
            strand.State = StrandState.Parked;
            _tokenTaken = false;
            if (limit is { } after)
            {
                wait.Limit = new SignalWait.LimitWake(wait) { Due = _now + after };
                AddLocked(wait.Limit);
            }
        }

        // Synchronously, so a sender running on another strand queues this one before it yields its turn.
        signal.ContinueWith(static (_, w) => ((SignalWait)w!).OnSignal(), wait, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        wait.Registration = cancellationToken.Register(static (w, token) => ((SignalWait)w!).OnCancel(token), wait);
        Dispatch();
        return wait.Wakeup.Signal;
    }

    /// <summary>Calls <paramref name="onDue"/> once <paramref name="after"/> has passed; unlike a timer, the deadline moves time when everyone waits.</summary>
    internal IDisposable StartDeadline(TimeSpan after, Action onDue)
    {
        var wake = new DeadlineWake(this, onDue);
        lock (_gate)
        {
            wake.Due = _now + (after < TimeSpan.Zero ? TimeSpan.Zero : after);
            AddLocked(wake);
        }

        return wake;
    }

    /// <summary>The running strand gives up its turn until <see cref="MakeReady"/> is called with the returned wakeup.</summary>
    internal StrandWakeup Park(ClockStrand strand)
    {
        var wakeup = new StrandWakeup(strand);
        lock (_gate)
        {
            RequireRunning(strand);
            strand.State = StrandState.Parked;
            _tokenTaken = false;
        }

        Dispatch();
        return wakeup;
    }

    internal void MakeReady(StrandWakeup wakeup)
    {
        lock (_gate)
        {
            _ready.Enqueue(wakeup);
        }

        Dispatch();
    }

    internal void Exit(ClockStrand strand)
    {
        lock (_gate)
        {
            RequireRunning(strand);
            strand.State = StrandState.Exited;
            _tokenTaken = false;
            _strands--;
        }

        Dispatch();
    }

    internal bool TryRemove(ScheduledWake wake)
    {
        lock (_gate)
        {
            return RemoveLocked(wake);
        }
    }

    internal bool ChangeTimer(VirtualTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        var fireNow = false;
        lock (_gate)
        {
            if (timer.Disposed)
            {
                return false;
            }

            if (timer.Scheduled is { } scheduled)
            {
                RemoveLocked(scheduled);
            }

            timer.Period = period;
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                return true;
            }

            if (dueTime <= TimeSpan.Zero)
            {
                fireNow = true;
            }
            else
            {
                var wake = new TimerWake(timer) { Due = _now + dueTime };
                timer.Scheduled = wake;
                AddLocked(wake);
            }
        }

        if (fireNow)
        {
            // Like a real timer due now: run on the thread pool, then continue with the period.
            ThreadPool.UnsafeQueueUserWorkItem(
                static t =>
                {
                    t.FireNow();
                    t.Change(t.Period, t.Period);
                },
                timer,
                preferLocal: false);
        }

        return true;
    }

    internal void DisposeTimer(VirtualTimer timer)
    {
        lock (_gate)
        {
            timer.Disposed = true;
            if (timer.Scheduled is { } scheduled)
            {
                RemoveLocked(scheduled);
            }
        }
    }

    /// <summary>After a timer fired: schedule its next period, unless its callback changed or disposed it.</summary>
    internal void Rearm(VirtualTimer timer, TimerWake fired)
    {
        lock (_gate)
        {
            var periodic = timer.Period > TimeSpan.Zero && timer.Period != Timeout.InfiniteTimeSpan;
            if (timer.Disposed || timer.Scheduled is not null || !periodic)
            {
                return;
            }

            var next = new TimerWake(timer) { Due = fired.Due + timer.Period };
            timer.Scheduled = next;
            AddLocked(next);
        }
    }

    /// <summary>
    /// Hands the run token on: to the next ready strand if there is one; else, when someone is waiting on
    /// a delay, moves time to the earliest agenda entry and fires everything due then. The dispatcher holds
    /// the token while it fires, so callbacks (e.g. a timeout cancelling a token) never race a strand.
    /// </summary>
    private void Dispatch()
    {
        while (true)
        {
            List<ScheduledWake> due;
            lock (_gate)
            {
                if (_tokenTaken)
                {
                    return;
                }

                if (_ready.TryDequeue(out var next))
                {
                    _tokenTaken = true;
                    next.Grant();
                    return;
                }

                if (_drivingWaits == 0 || _agenda.Count == 0 || _holds > 0)
                {
                    return;
                }

                due = TakeDueLocked();
                _tokenTaken = true;
            }

            try
            {
                foreach (var wake in due)
                {
                    wake.Fire();
                }
            }
            finally
            {
                lock (_gate)
                {
                    _tokenTaken = false;
                }
            }
        }
    }

    private void Release()
    {
        lock (_gate)
        {
            _holds--;
        }

        Dispatch();
    }

    private List<ScheduledWake> TakeDueLocked()
    {
        var first = _agenda.Min!;
        if (first.Due > _now)
        {
            _now = first.Due;
        }

        var due = new List<ScheduledWake>();
        while (_agenda.Count > 0 && _agenda.Min!.Due <= _now)
        {
            var wake = _agenda.Min!;
            RemoveLocked(wake);
            due.Add(wake);
        }

        return due;
    }

    private void AddLocked(ScheduledWake wake)
    {
        wake.Sequence = ++_sequence;
        _agenda.Add(wake);
        if (wake.DrivesTime)
        {
            _drivingWaits++;
        }
    }

    private bool RemoveLocked(ScheduledWake wake)
    {
        if (!_agenda.Remove(wake))
        {
            return false;
        }

        if (wake.DrivesTime)
        {
            _drivingWaits--;
        }

        wake.OnRemoved();
        return true;
    }

    private void RequireRunning(ClockStrand strand)
    {
        if (strand.State != StrandState.Running || !_tokenTaken)
        {
            throw new InvalidOperationException($"Only the running strand may yield its turn (this one is {strand.State}).");
        }
    }

    private sealed class TimeHold(VirtualClock clock) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                clock.Release();
            }
        }
    }
}
