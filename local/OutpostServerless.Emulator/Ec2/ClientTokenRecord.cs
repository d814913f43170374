namespace OutpostServerless.Emulator.Ec2;

/// <summary>A RunInstances client token: the request it was first used with and what that made.</summary>
internal sealed class ClientTokenRecord
{
    public required string ClientToken { get; set; }
    public required string Fingerprint { get; set; }
    public required string ReservationId { get; set; }
}
