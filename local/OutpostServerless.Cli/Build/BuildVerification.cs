using OutpostServerless.Emulator.Sam;
using OutpostServerless.Local.Bootstrap;

namespace OutpostServerless.Cli.Build;

/// <summary>
/// Checks what <c>sam build</c> produced against the stack it will be deployed as: every function's
/// <c>bootstrap</c> exists, is an ELF executable of the function's <c>Architectures</c> (else Lambda fails every
/// invocation with <c>Runtime.InvalidEntrypoint</c>) and needs no glibc newer than provided.al2023's.
/// </summary>
public static class BuildVerification
{
    public static IReadOnlyList<ArtifactProblem> Verify(SamTemplate built)
    {
        var problems = new List<ArtifactProblem>();
        foreach (var function in built.Functions.Values.OrderBy(f => f.LogicalId, StringComparer.Ordinal))
        {
            var artifact = Path.GetFullPath(Path.Combine(built.Directory, function.CodeUri ?? ".", "bootstrap"));
            if (function.Architectures is not [var name] || LambdaArchitecture.Parse(name) is not { } architecture)
            {
                problems.Add(new(function.LogicalId, artifact, $"is for Architectures [{string.Join(", ", function.Architectures)}], which Lambda does not take", "set Architectures to exactly one of x86_64, arm64"));
                continue;
            }

            var rebuild = $"build again for {architecture.Name} (ARCHITECTURE={architecture.Name} sam build, see the Makefile)";
            if (!File.Exists(artifact))
            {
                problems.Add(new(function.LogicalId, artifact, "is missing: provided.al2023 runs the file named bootstrap", rebuild));
                continue;
            }

            ElfExecutable executable;
            try
            {
                executable = ElfExecutable.Read(artifact);
            }
            catch (InvalidDataException notElf)
            {
                problems.Add(new(function.LogicalId, artifact, notElf.Message.Replace(artifact + " ", "", StringComparison.Ordinal), rebuild));
                continue;
            }

            if (executable.Machine != architecture.ElfMachine)
            {
                problems.Add(new(function.LogicalId, artifact,
                    $"was built for {LambdaArchitecture.NameOfMachine(executable.Machine)}, but the function runs on {architecture.Name}: every invocation would fail with Runtime.InvalidEntrypoint",
                    rebuild));
            }
            else if (executable.NewestGlibc > LambdaArchitecture.RuntimeGlibc)
            {
                problems.Add(new(function.LogicalId, artifact,
                    $"needs GLIBC_{executable.NewestGlibc}, but provided.al2023 has glibc {LambdaArchitecture.RuntimeGlibc}: it would fail to start",
                    "build against glibc 2.34 or older (an Amazon Linux 2023 build host or image)"));
            }
        }

        return problems;
    }
}
