using System.Text.Json.Serialization;

namespace OutpostServerless.Provisioning.Request;

/// <summary>How the container instances on the Outpost reach ECS and their container registries.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EgressMode>))]
public enum EgressMode
{
    /// <summary>Through the Region's internet gateway over the service link: IGW, a route table for the subnet, public IPs.</summary>
    [JsonStringEnumMemberName("internet-gateway")]
    InternetGateway,

    /// <summary>Through the Outpost's local gateway to the on-premises network: LGW route, customer-owned IPs.</summary>
    [JsonStringEnumMemberName("local-gateway")]
    LocalGateway,

    /// <summary>The VPC's own routing, unchanged: checked before anything is launched.</summary>
    [JsonStringEnumMemberName("existing")]
    Existing,
}
