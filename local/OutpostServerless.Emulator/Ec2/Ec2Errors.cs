using System.Net;
using Amazon.EC2;
using Amazon.Runtime;
using OutpostServerless.Aws.Ec2;

namespace OutpostServerless.Emulator.Ec2;

/// <summary>EC2's errors as <see cref="AmazonEC2Exception"/>, with EC2's codes and message wording.</summary>
internal static class Ec2Errors
{
    // Codes EC2 sends that the shared Ec2ErrorCodes does not (yet) name.
    public const string InvalidOutpostArnNotFound = "InvalidOutpostArnID.NotFound";
    public const string InvalidGroupIdMalformed = "InvalidGroupId.Malformed";
    public const string InvalidInstanceIdMalformed = "InvalidInstanceID.Malformed";
    public const string InvalidAmiIdMalformed = "InvalidAMIID.Malformed";
    public const string InvalidParameterCombination = "InvalidParameterCombination";
    public const string InvalidParameter = "InvalidParameter";
    public const string InvalidFilter = "InvalidFilter";
    public const string InvalidNextToken = "InvalidNextToken";
    public const string CannotDelete = "CannotDelete";
    public const string VpcIdNotSpecified = "VPCIdNotSpecified";
    public const string InsufficientFreeAddressesInSubnet = "InsufficientFreeAddressesInSubnet";

    public const string ServiceUnavailable = "ServiceUnavailable";

    /// <summary>
    /// An instance action on a disconnected Outpost: AWS documents that mutating requests on an Outpost
    /// fail while its service link is down, without naming a code; EC2's 503 "temporary failure of the
    /// server" is the closest it has, and every SDK retries it.
    /// </summary>
    public static AmazonEC2Exception OutpostDisconnected(string outpostArn, string instanceId) => new(
        $"The Outpost {outpostArn} of instance {instanceId} is not connected to its Region; instance actions on it fail until its service link is restored.",
        ErrorType.Receiver, ServiceUnavailable, string.Empty, HttpStatusCode.ServiceUnavailable);

    public static AmazonEC2Exception Error(string code, string message) =>
        new(message, ErrorType.Sender, code, string.Empty, HttpStatusCode.BadRequest);

    public static AmazonEC2Exception Missing(string parameter) =>
        Error(Ec2ErrorCodes.MissingParameter, $"The request must contain the parameter {parameter}");

    public static AmazonEC2Exception InvalidValue(string message) => Error(Ec2ErrorCodes.InvalidParameterValue, message);

    public static AmazonEC2Exception InvalidCidr(string parameter, string? cidr) =>
        InvalidValue($"Value ({cidr}) for parameter {parameter} is invalid. This is not a valid CIDR block.");

    public static AmazonEC2Exception VpcNotFound(string id) => Error(Ec2ErrorCodes.InvalidVpcIdNotFound, $"The vpc ID '{id}' does not exist");

    public static AmazonEC2Exception SubnetNotFound(string id) => Error(Ec2ErrorCodes.InvalidSubnetIdNotFound, $"The subnet ID '{id}' does not exist");

    public static AmazonEC2Exception GroupNotFound(string id) => Error(Ec2ErrorCodes.InvalidGroupNotFound, $"The security group '{id}' does not exist");

    public static AmazonEC2Exception InstancesNotFound(IReadOnlyList<string> ids) => Error(
        Ec2ErrorCodes.InvalidInstanceIdNotFound,
        ids.Count == 1 ? $"The instance ID '{ids[0]}' does not exist" : $"The instance IDs '{string.Join(", ", ids)}' do not exist");

    public static AmazonEC2Exception Malformed(string code, string id, string prefix) =>
        Error(code, $"Invalid id: \"{id}\" (expecting \"{prefix}-...\")");
}
