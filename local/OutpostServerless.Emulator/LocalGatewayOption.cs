namespace OutpostServerless.Emulator;

/// <summary>
/// An Outpost rack's local gateway, its (one) route table and the customer-owned IP pool
/// associated with that table, as AWS sets them up when the rack is installed.
/// </summary>
public sealed record LocalGatewayOption(string LocalGatewayId, string RouteTableId, string CoipPoolId, string CoipPoolCidr)
{
    /// <summary>The default rack's: CoIP addresses from a documentation range (RFC 5737).</summary>
    public static LocalGatewayOption Default { get; } = new(
        "lgw-0a1b2c3d4e5f60001", "lgw-rtb-0a1b2c3d4e5f60001", "ipv4pool-coip-0a1b2c3d4e5f60001", "198.51.100.0/24");
}
