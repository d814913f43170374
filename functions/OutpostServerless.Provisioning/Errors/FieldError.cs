namespace OutpostServerless.Provisioning.Errors;

/// <summary>
/// One thing wrong with a provisioning request: where (<see cref="Field"/>, a path such as
/// <c>network.subnetCidr</c> or <c>network.ingress[1].cidr</c>, <c>$</c> for the whole request), what
/// (<see cref="Reason"/>) and what to write instead (<see cref="Fix"/>).
/// </summary>
public sealed record FieldError(string Field, string Reason, string Fix)
{
    /// <summary>The form users read in the Step Functions Cause: <c>field: reason. Fix: fix</c>.</summary>
    public override string ToString() => $"{Field}: {Reason}. Fix: {Fix}";
}
