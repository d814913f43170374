using OutpostServerless.Emulator;
using OutpostServerless.Provisioning.Tagging;

namespace OutpostServerless.Cli.Chaos;

/// <summary>
/// The most resources of each type one provisioning has held at once, sampled after every step attempt:
/// a duplicate that a later rollback deleted still shows here.
/// </summary>
public sealed class InventoryPeaks(EmulatedCloud cloud, string provisioningId)
{
    private readonly Dictionary<string, int> _peaks = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, int> Peaks => _peaks;

    public void Sample()
    {
        foreach (var type in cloud.ResourcesTagged(ProvisioningTags.ProvisioningIdKey, provisioningId).GroupBy(r => r.Type, StringComparer.Ordinal))
        {
            _peaks[type.Key] = Math.Max(_peaks.GetValueOrDefault(type.Key), type.Count());
        }
    }

    /// <summary>Resources beyond the expected count, by type, at the worst moment.</summary>
    public IReadOnlyDictionary<string, int> Beyond(ExpectedInventory expected) => _peaks
        .Where(p => p.Value > expected.Of(p.Key))
        .ToDictionary(p => p.Key, p => p.Value - expected.Of(p.Key), StringComparer.Ordinal);
}
