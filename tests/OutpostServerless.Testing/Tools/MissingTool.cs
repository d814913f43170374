using System.Diagnostics.CodeAnalysis;
using Xunit;

namespace OutpostServerless.Testing.Tools;

/// <summary>
/// What a test does when an external tool it needs (moto_server, the AWS CLI, cfn-lint, an npm tool) is not
/// there: outside CI it is skipped, with the reason shown by the runner; under CI (the <c>CI</c> environment
/// variable set) it fails, because CI must run every test.
/// </summary>
public static class MissingTool
{
    public static bool UnderCi => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    [DoesNotReturn]
    public static void Stop(string reason)
    {
        if (UnderCi)
        {
            Assert.Fail($"{reason} Under CI (CI is set) a missing tool fails the test instead of skipping it.");
        }

        Assert.Skip(reason);
    }
}
