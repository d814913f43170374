namespace OutpostServerless.Emulator.Wire.Protocols;

/// <summary>The AWS wire protocols the front-ends speak (botocore's names in brackets).</summary>
internal enum WireProtocol
{
    /// <summary>EC2's own query dialect [ec2]: form parameters in, XML with <c>item</c> lists out.</summary>
    Ec2Query,

    /// <summary>awsQuery [query]: form parameters in, XML with <c>member</c> lists and a Result wrapper out.</summary>
    AwsQuery,

    /// <summary>awsJson1_0 / awsJson1_1 [json]: POST / with <c>X-Amz-Target</c>, JSON both ways.</summary>
    AwsJson,

    /// <summary>restJson1 [rest-json]: the operation is the method and path; JSON bodies.</summary>
    RestJson,
}
