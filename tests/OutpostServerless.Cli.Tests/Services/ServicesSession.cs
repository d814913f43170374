using System.Collections.Concurrent;
using OutpostServerless.Aws.Tests.ServiceModels;
using OutpostServerless.Aws.Tests.Testing;
using OutpostServerless.Emulator.Sam;
using OutpostServerless.Emulator.Tests.Wire;
using OutpostServerless.Emulator.Wire;
using OutpostServerless.Local;
using OutpostServerless.Local.StepFunctions;
using OutpostServerless.Local.Workflow;

namespace OutpostServerless.Cli.Tests.Services;

/// <summary>
/// <c>emulator serve</c>'s composition — the emulated Region plus the product's services over template.yaml — on a
/// virtual clock (a provisioning takes no real time), with a real AWS CLI pointed at it and every request it sent kept,
/// to be checked against the botocore model.
/// </summary>
internal sealed class ServicesSession : IAsyncDisposable
{
    private readonly ConcurrentQueue<CapturedRequest> requests = new();

    private ServicesSession(SamTemplate template, ProductServices services)
    {
        Template = template;
        Services = services;
    }

    public static SamTemplate LoadTemplate() => SamTemplate.Load(RepositoryFiles.Template, new SamEnvironment("us-west-2", "123456789012"));

    public SamTemplate Template { get; }

    public ProductServices Services { get; }

    public LocalStepFunctions StepFunctions => Services.StepFunctions;

    public EmulatorServer Server { get; private set; } = null!;

    public AwsCli Aws { get; private set; } = null!;

    public string ProvisionArn => Template.StateMachines[LocalWorkflow.ProvisionStateMachine].Arn;

    /// <summary>A session; when that CLI is absent the test is skipped (failed under CI).</summary>
    public static async Task<ServicesSession> StartAsync(AwsCliVersion version)
    {
        var cli = await AwsCli.RequireAsync(version);
        var template = LoadTemplate();
        var (cloud, clock) = LocalWorkflow.NewWorld();
        var session = new ServicesSession(template, new ProductServices(template, cloud, clock));
        var frontEnds = session.Services.FrontEnds.Select(f => new RecordingFrontEnd(f, session.requests)).ToList();
        session.Server = await EmulatorServer.StartAsync(cloud, null, frontEnds, CancellationToken.None);
        session.Aws = cli.With(session.Server.BaseUrl);
        return session;
    }

    /// <summary>The operations the CLI called (their X-Amz-Target or REST path), and each request's deviations from its botocore model.</summary>
    public IReadOnlyList<string> ModelViolations() => [.. requests.SelectMany(ServiceModelValidator.Validate)];

    public IReadOnlyList<CapturedRequest> Requests => [.. requests];

    public async ValueTask DisposeAsync()
    {
        Aws?.Dispose();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }

        await Services.DisposeAsync();
    }
}
