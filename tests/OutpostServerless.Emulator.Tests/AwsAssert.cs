using Amazon.EC2;
using OutpostServerless.Aws.Errors;
using Xunit;

namespace OutpostServerless.Emulator.Tests;

/// <summary>Asserts a call fails with an AWS error code, as callers match errors: by code.</summary>
internal static class AwsAssert
{
    public static async Task<AmazonEC2Exception> Ec2ErrorAsync(string errorCode, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(call);
        Assert.Equal(errorCode, error.ErrorCode);
        return error;
    }

    public static async Task<AwsServiceError> ServiceErrorAsync(string errorCode, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<AwsServiceError>(call);
        Assert.Equal(errorCode, error.ErrorCode);
        return error;
    }
}
