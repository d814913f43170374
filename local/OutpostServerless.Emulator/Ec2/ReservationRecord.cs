namespace OutpostServerless.Emulator.Ec2;

internal sealed class ReservationRecord
{
    public required string ReservationId { get; set; }
    public List<string> InstanceIds { get; set; } = [];
}
