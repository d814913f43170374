using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace OutpostServerless.Provisioning.Request;

/// <summary>
/// An IPv4 or IPv6 CIDR block in canonical form: host bits cleared, as EC2 stores it (EC2 turns
/// 100.68.0.18/18 into 100.68.0.0/18, so we compare and plan with what EC2 will report back).
/// </summary>
public sealed class Cidr
{
    private readonly byte[] network;

    private Cidr(byte[] network, int prefixLength)
    {
        this.network = network;
        PrefixLength = prefixLength;
    }

    public int PrefixLength { get; }

    public bool IsIpv6 => network.Length == 16;

    /// <summary>0.0.0.0/0 or ::/0: every address.</summary>
    public bool IsEverywhere => PrefixLength == 0;

    /// <summary>A strict IPv4 CIDR: four decimal numbers 0-255 without leading zeros, a prefix 0-32.</summary>
    public static bool TryParseIpv4(string text, [NotNullWhen(true)] out Cidr? cidr, out string problem) =>
        TryParse(text, allowIpv6: false, out cidr, out problem);

    /// <summary>An IPv4 CIDR as <see cref="TryParseIpv4"/>, or an IPv6 one (prefix 0-128).</summary>
    public static bool TryParseAny(string text, [NotNullWhen(true)] out Cidr? cidr, out string problem) =>
        TryParse(text, allowIpv6: true, out cidr, out problem);

    /// <summary>Whether every address of <paramref name="inner"/> is inside this block.</summary>
    public bool Contains(Cidr inner) =>
        inner.IsIpv6 == IsIpv6
        && inner.PrefixLength >= PrefixLength
        && Mask(inner.network, PrefixLength).AsSpan().SequenceEqual(network);

    public override string ToString() => $"{new IPAddress(network)}/{PrefixLength}";

    private static bool TryParse(string text, bool allowIpv6, [NotNullWhen(true)] out Cidr? cidr, out string problem)
    {
        cidr = null;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || slash != text.LastIndexOf('/'))
        {
            problem = "is not a CIDR block (an address, a slash and a prefix length)";
            return false;
        }

        var address = text[..slash];
        var isIpv6 = address.Contains(':', StringComparison.Ordinal);
        if (isIpv6 && !allowIpv6)
        {
            problem = "is an IPv6 CIDR; an IPv4 CIDR is needed here";
            return false;
        }

        byte[]? bytes = isIpv6 ? ParseIpv6(address) : ParseIpv4(address);
        if (bytes is null)
        {
            problem = isIpv6
                ? $"has an address, {ValueText.Of(address)}, that is not an IPv6 address"
                : $"has an address, {ValueText.Of(address)}, that is not four numbers from 0 to 255 (without leading zeros) separated by dots";
            return false;
        }

        var maxPrefix = bytes.Length * 8;
        var prefixText = text[(slash + 1)..];
        if (!TryParsePrefix(prefixText, maxPrefix, out var prefix))
        {
            problem = $"has a prefix length, {ValueText.Of(prefixText)}, that is not a number from 0 to {maxPrefix}";
            return false;
        }

        cidr = new Cidr(Mask(bytes, prefix), prefix);
        problem = string.Empty;
        return true;
    }

    private static byte[]? ParseIpv4(string address)
    {
        var parts = address.Split('.');
        if (parts.Length != 4)
        {
            return null;
        }

        var bytes = new byte[4];
        for (var i = 0; i < 4; i++)
        {
            var part = parts[i];
            if (part.Length is 0 or > 3
                || !part.All(char.IsAsciiDigit)
                || (part.Length > 1 && part[0] == '0')
                || !byte.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out bytes[i]))
            {
                return null;
            }
        }

        return bytes;
    }

    private static byte[]? ParseIpv6(string address) =>
        !address.Contains('%', StringComparison.Ordinal)
        && IPAddress.TryParse(address, out var parsed)
        && parsed.AddressFamily == AddressFamily.InterNetworkV6
            ? parsed.GetAddressBytes()
            : null;

    private static bool TryParsePrefix(string text, int max, out int prefix)
    {
        prefix = 0;
        return text.Length is > 0 and <= 3
            && text.All(char.IsAsciiDigit)
            && (text.Length == 1 || text[0] != '0')
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out prefix)
            && prefix <= max;
    }

    private static byte[] Mask(byte[] address, int prefixLength)
    {
        var masked = new byte[address.Length];
        for (var i = 0; i < address.Length; i++)
        {
            var bits = Math.Clamp(prefixLength - (i * 8), 0, 8);
            masked[i] = (byte)(address[i] & (0xFF << (8 - bits)));
        }

        return masked;
    }
}
