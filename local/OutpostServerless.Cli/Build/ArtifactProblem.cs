namespace OutpostServerless.Cli.Build;

/// <summary>Why one function's built artifact would not run on Lambda as the stack will deploy it.</summary>
public sealed record ArtifactProblem(string Function, string Artifact, string Reason, string Fix)
{
    public override string ToString() => $"{Function}: {Artifact} {Reason}. Fix: {Fix}";
}
