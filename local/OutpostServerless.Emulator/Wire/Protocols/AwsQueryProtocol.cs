using Amazon.Runtime;
using OutpostServerless.Emulator.Wire.Http;

namespace OutpostServerless.Emulator.Wire.Protocols;

/// <summary>awsQuery's response envelope (<c>XxxResponse/XxxResult</c>, <c>ResponseMetadata</c>) and error document.</summary>
internal static class AwsQueryProtocol
{
    /// <summary>
    /// <c>&lt;{Action}Response xmlns=…&gt;&lt;{Action}Result&gt;…&lt;/{Action}Result&gt;&lt;ResponseMetadata&gt;&lt;RequestId/&gt;…</c>;
    /// an operation without output (<paramref name="writeResult"/> null) has no Result element.
    /// </summary>
    public static WireResponse Response(string action, string xmlNamespace, string requestId, Action<XmlResponseWriter>? writeResult)
    {
        using var xml = new XmlResponseWriter(action + "Response", xmlNamespace);
        if (writeResult is not null)
        {
            xml.Start(action + "Result");
            writeResult(xml);
            xml.End();
        }

        xml.Start("ResponseMetadata");
        xml.Element("RequestId", requestId);
        xml.End();
        return Xml(200, xml.ToBytes(), requestId);
    }

    /// <summary><c>&lt;ErrorResponse xmlns=…&gt;&lt;Error&gt;&lt;Type/&gt;&lt;Code/&gt;&lt;Message/&gt;&lt;/Error&gt;&lt;RequestId/&gt;&lt;/ErrorResponse&gt;</c>.</summary>
    public static WireResponse Error(AmazonServiceException error, string xmlNamespace, string requestId)
    {
        using var xml = new XmlResponseWriter("ErrorResponse", xmlNamespace);
        xml.Start("Error");
        xml.Element("Type", error.ErrorType == ErrorType.Receiver ? "Receiver" : "Sender");
        xml.Element("Code", error.ErrorCode);
        xml.Element("Message", error.Message);
        xml.End();
        xml.Element("RequestId", requestId);
        return Xml(WireStatus.Of(error), xml.ToBytes(), requestId);
    }

    private static WireResponse Xml(int status, byte[] body, string requestId) =>
        new(status, "text/xml", body) { Headers = WireHeaders.With((WireHeaders.RequestId, requestId)) };
}
