using OutpostServerless.Local.Bootstrap;

namespace OutpostServerless.Cli.Build;

/// <summary>
/// A Lambda instruction set architecture as a function's <c>Architectures</c> names it, with the ELF machine its
/// executables must have and the newest glibc the <c>provided.al2023</c> runtime has (Amazon Linux 2023 ships glibc
/// 2.34: https://docs.aws.amazon.com/linux/al2023/ug/core-glibc.html).
/// </summary>
public sealed record LambdaArchitecture(string Name, ushort ElfMachine)
{
    public static readonly LambdaArchitecture X86_64 = new("x86_64", ElfExecutable.X86_64);
    public static readonly LambdaArchitecture Arm64 = new("arm64", ElfExecutable.AArch64);

    public static readonly Version RuntimeGlibc = new(2, 34);

    public static LambdaArchitecture? Parse(string name) => name switch
    {
        "x86_64" => X86_64,
        "arm64" => Arm64,
        _ => null,
    };

    public static string NameOfMachine(ushort machine) => machine switch
    {
        ElfExecutable.X86_64 => X86_64.Name,
        ElfExecutable.AArch64 => Arm64.Name,
        _ => $"ELF machine {machine}",
    };
}
