namespace OutpostServerless.Aws.Ec2;

/// <summary>EC2 error codes the steps and the emulator agree on, spelled as EC2 sends them.</summary>
public static class Ec2ErrorCodes
{
    public const string InsufficientInstanceCapacity = "InsufficientInstanceCapacity";
    public const string InvalidParameterValue = "InvalidParameterValue";
    public const string MissingParameter = "MissingParameter";
    public const string InvalidVpcRange = "InvalidVpc.Range";
    public const string InvalidVpcIdNotFound = "InvalidVpcID.NotFound";
    public const string InvalidSubnetRange = "InvalidSubnet.Range";
    public const string InvalidSubnetConflict = "InvalidSubnet.Conflict";
    public const string InvalidSubnetIdNotFound = "InvalidSubnetID.NotFound";
    public const string InvalidGroupDuplicate = "InvalidGroup.Duplicate";
    public const string InvalidGroupNotFound = "InvalidGroup.NotFound";
    public const string InvalidPermissionDuplicate = "InvalidPermission.Duplicate";
    public const string InvalidInstanceIdNotFound = "InvalidInstanceID.NotFound";
    public const string InvalidAmiIdNotFound = "InvalidAMIID.NotFound";
    public const string InvalidKeyPairNotFound = "InvalidKeyPair.NotFound";
    public const string DependencyViolation = "DependencyViolation";
    public const string IdempotentParameterMismatch = "IdempotentParameterMismatch";
    public const string Unsupported = "Unsupported";
    public const string RequestLimitExceeded = "RequestLimitExceeded";
}
