using OutpostServerless.Provisioning.Request;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>
/// How a group's ingress differs from the wanted rules: what to authorize and what to revoke. Exact:
/// a rule on the group that the wanted list does not have is revoked, whoever added it.
/// </summary>
public sealed record IngressDiff(IReadOnlyList<IngressRulePlan> ToAuthorize, IReadOnlyList<IngressRulePlan> ToRevoke)
{
    public bool IsEmpty => ToAuthorize.Count == 0 && ToRevoke.Count == 0;

    public static IngressDiff Of(IReadOnlyList<IngressRulePlan> wanted, IReadOnlyList<IngressRulePlan> current) => new(
        [.. wanted.Where(w => !current.Any(c => IngressPermissions.SameTraffic(w, c)))],
        [.. current.Where(c => !wanted.Any(w => IngressPermissions.SameTraffic(w, c)))]);
}
