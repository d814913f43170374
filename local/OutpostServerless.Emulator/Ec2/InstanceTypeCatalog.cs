namespace OutpostServerless.Emulator.Ec2;

/// <summary>An EC2 instance type's shape: what RunInstances, Outposts and the ECS agent need to know.</summary>
internal sealed record InstanceTypeInfo(string Name, int VCpus, int MemoryMiB, string Architecture);

/// <summary>The instance types the emulated Region offers (a subset of AWS's, with AWS's sizes).</summary>
internal static class InstanceTypeCatalog
{
    private static readonly Dictionary<string, InstanceTypeInfo> Types = new InstanceTypeInfo[]
    {
        new("m1.small", 1, 1740, "x86_64"),
        new("t3.micro", 2, 1024, "x86_64"),
        new("t3.small", 2, 2048, "x86_64"),
        new("t3.medium", 2, 4096, "x86_64"),
        new("t3.large", 2, 8192, "x86_64"),
        new("c5.large", 2, 4096, "x86_64"),
        new("c5.xlarge", 4, 8192, "x86_64"),
        new("c5.2xlarge", 8, 16384, "x86_64"),
        new("c5.4xlarge", 16, 32768, "x86_64"),
        new("c5.9xlarge", 36, 73728, "x86_64"),
        new("c5d.large", 2, 4096, "x86_64"),
        new("m5.large", 2, 8192, "x86_64"),
        new("m5.xlarge", 4, 16384, "x86_64"),
        new("m5.2xlarge", 8, 32768, "x86_64"),
        new("m5.4xlarge", 16, 65536, "x86_64"),
        new("m5.12xlarge", 48, 196608, "x86_64"),
        new("m5d.large", 2, 8192, "x86_64"),
        new("r5.large", 2, 16384, "x86_64"),
        new("r5.xlarge", 4, 32768, "x86_64"),
        new("r5.2xlarge", 8, 65536, "x86_64"),
        new("r5.4xlarge", 16, 131072, "x86_64"),
        new("g4dn.xlarge", 4, 16384, "x86_64"),
        new("c6g.large", 2, 4096, "arm64"),
        new("c6g.xlarge", 4, 8192, "arm64"),
        new("m6g.large", 2, 8192, "arm64"),
        new("m6g.xlarge", 4, 16384, "arm64"),
        new("r6g.large", 2, 16384, "arm64"),
    }.ToDictionary(t => t.Name, StringComparer.Ordinal);

    public static InstanceTypeInfo? Find(string? name) => name is not null && Types.TryGetValue(name, out var info) ? info : null;
}
