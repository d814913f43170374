using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace OutpostServerless.Emulator.Ec2;

/// <summary>An IPv4 CIDR block, held in canonical form (host bits cleared, as EC2 stores it).</summary>
internal readonly record struct Cidr(uint Network, int Prefix)
{
    public uint Mask => Prefix == 0 ? 0 : uint.MaxValue << (32 - Prefix);

    public long Size => 1L << (32 - Prefix);

    public static Cidr? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0
            || !int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var prefix)
            || prefix is < 0 or > 32)
        {
            return null;
        }

        var address = text[..slash];
        if (address.Split('.').Length != 4
            || !IPAddress.TryParse(address, out var ip)
            || ip.AddressFamily != AddressFamily.InterNetwork)
        {
            return null;
        }

        var bytes = ip.GetAddressBytes();
        var value = ((uint)bytes[0] << 24) | ((uint)bytes[1] << 16) | ((uint)bytes[2] << 8) | bytes[3];
        var cidr = new Cidr(0, prefix);
        return cidr with { Network = value & cidr.Mask };
    }

    public bool Contains(Cidr other) => other.Prefix >= Prefix && (other.Network & Mask) == Network;

    public bool Overlaps(Cidr other) => Contains(other) || other.Contains(this);

    public string Address(long offset)
    {
        var value = Network + (uint)offset;
        return $"{value >> 24}.{(value >> 16) & 0xFF}.{(value >> 8) & 0xFF}.{value & 0xFF}";
    }

    public override string ToString() => $"{Address(0)}/{Prefix}";
}
