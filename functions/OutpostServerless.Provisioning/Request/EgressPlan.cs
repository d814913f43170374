namespace OutpostServerless.Provisioning.Request;

/// <summary>
/// The settled egress choice. <see cref="LocalGatewayId"/> is set for <see cref="EgressMode.LocalGateway"/>;
/// <see cref="CustomerOwnedIpv4Pool"/> for it and, optionally, for <see cref="EgressMode.Existing"/> routing
/// through a local gateway.
/// </summary>
public sealed record EgressPlan(EgressMode Mode, string? LocalGatewayId = null, string? CustomerOwnedIpv4Pool = null)
{
    /// <summary>The request's mode word for <paramref name="mode"/> (as in the schema).</summary>
    public static string Word(EgressMode mode) => mode switch
    {
        EgressMode.InternetGateway => "internet-gateway",
        EgressMode.LocalGateway => "local-gateway",
        _ => "existing",
    };
}
