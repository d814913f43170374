using System.Runtime.InteropServices;
using OutpostServerless.Local.Bootstrap;

namespace OutpostServerless.Cli.Tests.Build;

public sealed class ElfExecutableTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("elf-").FullName;

    [Fact]
    public void The_machine_and_the_newest_glibc_version_needed_are_read_from_the_header_and_the_version_needs()
    {
        var path = Write("bootstrap", ElfImage.Create(ElfExecutable.AArch64, "GLIBC_2.17", "GLIBC_2.34", "GLIBC_2.28", "GLIBC_PRIVATE"));

        Assert.Equal(new ElfExecutable(ElfExecutable.AArch64, new Version(2, 34)), ElfExecutable.Read(path));
    }

    [Fact]
    public void The_dotnet_host_running_these_tests_reads_as_the_machine_it_runs_on()
    {
        var host = ElfExecutable.Read(Environment.ProcessPath!);

        Assert.Equal(RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? ElfExecutable.AArch64 : ElfExecutable.X86_64, host.Machine);
        // GLIBC_2.2.5 (x86-64) and GLIBC_2.17 (AArch64) are the first versions of each port: a dynamically linked host needs one at least.
        Assert.True(host.NewestGlibc >= new Version(2, 2, 5), $"the host needs GLIBC_{host.NewestGlibc}");
    }

    [Fact]
    public void A_file_that_is_not_an_elf_executable_is_refused_by_name()
    {
        var path = Write("bootstrap", "#!/bin/sh\necho not native\n"u8.ToArray());

        var refused = Assert.Throws<InvalidDataException>(() => ElfExecutable.Read(path));
        Assert.Contains(path, refused.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string Write(string name, byte[] content)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllBytes(path, content);
        return path;
    }
}
