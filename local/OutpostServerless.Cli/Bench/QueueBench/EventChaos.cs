
using OutpostServerless.Local.Workflow;

namespace OutpostServerless.Cli.Bench.QueueBench;

/// <summary>
/// How a seeded chaos delivers capacity events: each one independently lost, delivered twice, or delivered late
/// (up to two metric periods, so later events overtake it), each with probability <paramref name="Rate"/>.
/// </summary>
public sealed class EventChaos(int seed, double rate)
{
    private readonly Random _random = new(seed);
    private readonly Lock _sync = new();

    public int Dropped { get; private set; }
    public int Duplicated { get; private set; }
    public int Delayed { get; private set; }

    public IReadOnlyList<TimeSpan> Deliveries(AlarmStateChange change)
    {
        lock (_sync)
        {
            var roll = _random.NextDouble();
            if (roll < rate)
            {
                Dropped++;
                return [];
            }

            if (roll < 2 * rate)
            {
                Duplicated++;
                return [TimeSpan.Zero, TimeSpan.FromSeconds(_random.Next(0, 120))];
            }

            if (roll < 3 * rate)
            {
                Delayed++;
                return [TimeSpan.FromSeconds(_random.Next(1, 600))];
            }

            return [TimeSpan.Zero];
        }
    }
}
