namespace OutpostServerless.Emulator.Ecs;

internal sealed class ServiceEventRecord
{
    public required string Id { get; set; }
    public required string Message { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
