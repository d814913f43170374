using System.Net;
using Amazon.EC2;
using Amazon.Runtime;
using OutpostServerless.Aws.Errors;
using OutpostServerless.Emulator.Wire.Protocols;

namespace OutpostServerless.Emulator.Wire.Signing;

/// <summary>
/// A rejected signature as each protocol family's services report it: EC2 <c>AuthFailure</c> (401) and
/// <c>RequestExpired</c>; the query services <c>SignatureDoesNotMatch</c>, <c>InvalidClientTokenId</c>,
/// <c>IncompleteSignature</c>, <c>MissingAuthenticationToken</c> (403); the JSON services the
/// <c>…Exception</c> codes of their front door (400 for awsJson, 403 for restJson).
/// </summary>
internal static class SignatureErrors
{
    public const string Ec2AuthFailureMessage = "AWS was not able to validate the provided access credentials";

    public static AmazonServiceException For(WireProtocol protocol, string signingName, SignatureFailure failure) => protocol switch
    {
        WireProtocol.Ec2Query => failure.Kind switch
        {
            SignatureFailureKind.Expired => Ec2("RequestExpired", "Request has expired.", HttpStatusCode.BadRequest),
            SignatureFailureKind.Incomplete => Ec2("IncompleteSignature", failure.Message, HttpStatusCode.BadRequest),
            _ => Ec2("AuthFailure", Ec2AuthFailureMessage, HttpStatusCode.Unauthorized),
        },
        WireProtocol.AwsQuery => new AwsServiceError(signingName, failure.Kind switch
        {
            SignatureFailureKind.MissingAuthentication => "MissingAuthenticationToken",
            SignatureFailureKind.Incomplete => "IncompleteSignature",
            SignatureFailureKind.UnknownAccessKey => "InvalidClientTokenId",
            _ => "SignatureDoesNotMatch",
        }, failure.Message, HttpStatusCode.Forbidden),
        _ => new AwsServiceError(signingName, failure.Kind switch
        {
            SignatureFailureKind.MissingAuthentication => "MissingAuthenticationTokenException",
            SignatureFailureKind.Incomplete => "IncompleteSignatureException",
            SignatureFailureKind.UnknownAccessKey => "UnrecognizedClientException",
            _ => "InvalidSignatureException",
        }, failure.Kind == SignatureFailureKind.MissingAuthentication ? "Missing Authentication Token" : failure.Message,
            protocol == WireProtocol.RestJson ? HttpStatusCode.Forbidden : HttpStatusCode.BadRequest),
    };

    private static AmazonEC2Exception Ec2(string code, string message, HttpStatusCode status) =>
        new(message, ErrorType.Sender, code, string.Empty, status);
}
