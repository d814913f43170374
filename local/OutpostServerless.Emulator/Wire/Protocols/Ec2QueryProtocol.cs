using Amazon.Runtime;
using OutpostServerless.Emulator.Wire.Http;

namespace OutpostServerless.Emulator.Wire.Protocols;

/// <summary>EC2's response envelope and error document.</summary>
internal static class Ec2QueryProtocol
{
    public const string ApiVersion = "2016-11-15";
    public const string XmlNamespace = "http://ec2.amazonaws.com/doc/2016-11-15/";

    /// <summary><c>&lt;{Action}Response xmlns=…&gt;&lt;requestId&gt;…&lt;/requestId&gt;…</c>: members sit directly under the root.</summary>
    public static WireResponse Response(string action, string requestId, Action<XmlResponseWriter> writeMembers)
    {
        using var xml = new XmlResponseWriter(action + "Response", XmlNamespace);
        xml.Element("requestId", requestId);
        writeMembers(xml);
        return Xml(200, xml.ToBytes(), requestId);
    }

    /// <summary><c>&lt;Response&gt;&lt;Errors&gt;&lt;Error&gt;&lt;Code/&gt;&lt;Message/&gt;&lt;/Error&gt;&lt;/Errors&gt;&lt;RequestID/&gt;&lt;/Response&gt;</c>, without a namespace, as EC2 sends it.</summary>
    public static WireResponse Error(AmazonServiceException error, string requestId)
    {
        using var xml = new XmlResponseWriter("Response", null);
        xml.Start("Errors");
        xml.Start("Error");
        xml.Element("Code", error.ErrorCode);
        xml.Element("Message", error.Message);
        xml.End();
        xml.End();
        xml.Element("RequestID", requestId);
        return Xml(WireStatus.Of(error), xml.ToBytes(), requestId);
    }

    private static WireResponse Xml(int status, byte[] body, string requestId) =>
        new(status, "text/xml;charset=UTF-8", body) { Headers = WireHeaders.With((WireHeaders.RequestId, requestId)) };
}
