namespace OutpostServerless.Emulator;

/// <summary>A regional Availability Zone: its name (<c>us-west-2a</c>) and its id (<c>usw2-az1</c>).</summary>
public sealed record AvailabilityZoneOption(string ZoneName, string ZoneId);
