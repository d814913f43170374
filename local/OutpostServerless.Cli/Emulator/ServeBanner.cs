using OutpostServerless.Emulator.Sam;
using OutpostServerless.Emulator.Wire;

namespace OutpostServerless.Cli.Emulator;

/// <summary>What <c>emulator serve</c> prints: where it listens and the environment that points AWS tools at it.</summary>
public static class ServeBanner
{
    public static string Text(EmulatorServer server, EmulatorServerOptions options, SamTemplate? template = null)
    {
        var endpoint = server.BaseUrl.ToString().TrimEnd('/');
        var region = server.Cloud.Options.Region;
        return $"""
            Emulated AWS (EC2, ECS, IAM, Outposts, CloudWatch, SSM) at {endpoint}
            {Stack(template)}Outpost {server.Cloud.DefaultOutpostId} ({server.Cloud.DefaultOutpostArn}); the world's clock is real time.

            Point AWS tools at it:
              export AWS_ENDPOINT_URL={endpoint}
              export AWS_ACCESS_KEY_ID={options.AccessKeyId}
              export AWS_SECRET_ACCESS_KEY={options.SecretAccessKey}
              export AWS_REGION={region}
              export AWS_DEFAULT_REGION={region}
              export AWS_DISABLE_HOST_PREFIX_INJECTION=true
            (AWS CLI v2 before 2.13 ignores AWS_ENDPOINT_URL: pass --endpoint-url {endpoint}. The last line keeps
            botocore from prefixing the host, as it does for TestState's sync-{server.BaseUrl.Authority}.)

            Serving until Ctrl+C.
            """;
    }

    private static string Stack(SamTemplate? template) => template is null
        ? string.Empty
        : $"The stack's services too: Step Functions ({string.Join(", ", template.StateMachines.Values.Select(m => m.Name))}), "
            + $"Lambda Invoke ({template.Functions.Count} functions), EventBridge PutEvents ({template.EventRules.Count} rule{(template.EventRules.Count == 1 ? string.Empty : "s")}).{Environment.NewLine}";
}
