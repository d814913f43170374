using System.Text.RegularExpressions;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>Which public SSM parameter names the ECS-optimized Amazon Linux 2023 AMI for an instance type.</summary>
public static partial class EcsOptimizedAmi
{
    public const string X86Parameter = "/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id";
    public const string Arm64Parameter = "/aws/service/ecs/optimized-ami/amazon-linux-2023/arm64/recommended/image_id";

    public static string ParameterFor(string instanceType) =>
        IsGraviton(instanceType) ? Arm64Parameter : X86Parameter;

    /// <summary>
    /// Graviton families carry a <c>g</c> right after the generation digit (c6g, m7gd, r6gn, t4g,
    /// x2gd, im4gn, is4gen, hpc7g); a1 is the first Graviton. GPU families such as g4dn or g5 do not
    /// match because their <c>g</c> comes before the digit.
    /// </summary>
    public static bool IsGraviton(string instanceType)
    {
        var family = instanceType.Split('.')[0];
        return family == "a1" || GravitonFamily().IsMatch(family);
    }

    [GeneratedRegex("^[a-z]+[0-9]+g[a-z]*$", RegexOptions.CultureInvariant)]
    private static partial Regex GravitonFamily();
}
