using System.Security.Cryptography;
using System.Text;

namespace OutpostServerless.Emulator.World;

/// <summary>
/// AWS-looking ids, derived from (seed, kind, n): deterministic, and independent per kind, so the
/// order in which parallel branches create VPCs and roles does not change either's ids.
/// </summary>
internal sealed class IdGenerator(IdState state, long seed)
{
    private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>Lower-case hex, e.g. the 17 digits of <c>vpc-0a1b…</c> (at most 64).</summary>
    public string Hex(string kind, int length) => Convert.ToHexStringLower(Next(kind))[..length];

    /// <summary>Upper-case letters and digits 2-7, like the tail of an IAM unique id (<c>AROA…</c>).</summary>
    public string Base32(string kind, int length)
    {
        var bytes = Next(kind);
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = Base32Alphabet[bytes[i] % 32];
        }

        return new string(chars);
    }

    /// <summary>Decimal digits, first one non-zero (ECS service ids in <c>ecs-svc/…</c>).</summary>
    public string Digits(string kind, int length)
    {
        var bytes = Next(kind);
        var chars = new char[length];
        chars[0] = (char)('1' + (bytes[0] % 9));
        for (var i = 1; i < length; i++)
        {
            chars[i] = (char)('0' + (bytes[i] % 10));
        }

        return new string(chars);
    }

    private byte[] Next(string kind)
    {
        var n = state.Counters.GetValueOrDefault(kind) + 1;
        state.Counters[kind] = n;
        return SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}/{kind}/{n}"));
    }
}
