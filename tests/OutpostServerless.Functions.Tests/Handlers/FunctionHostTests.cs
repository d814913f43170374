using System.Net;
using Amazon.EC2;
using Amazon.Runtime;
using Microsoft.Extensions.Logging.Abstractions;
using OutpostServerless.Aws.Errors;
using OutpostServerless.Functions.Handlers;
using OutpostServerless.Functions.Tests.Support;
using OutpostServerless.Provisioning;
using OutpostServerless.Provisioning.Errors;
using OutpostServerless.Provisioning.Steps;

namespace OutpostServerless.Functions.Tests.Handlers;

/// <summary>
/// The host reports what Lambda would: a function error's errorType is the name the state machine's
/// Retry and Catch match — ours for our failures, AWS's error code for theirs.
/// </summary>
public sealed class FunctionHostTests
{
    private sealed class ThrowingStep(Exception exception) : IStep<EnsureVpcInput, VpcResource>
    {
        public Task<VpcResource> RunAsync(EnsureVpcInput input, CancellationToken cancellationToken) => throw exception;
    }

    private sealed class EchoVpcStep : IStep<EnsureVpcInput, VpcResource>
    {
        public Task<VpcResource> RunAsync(EnsureVpcInput input, CancellationToken cancellationToken) =>
            Task.FromResult(new VpcResource("vpc-0123456789abcdef0", input.Plan.Network.VpcCidr ?? "none"));
    }

    private static readonly string Payload = StepEvents.Plan("p1");

    private static FunctionHost HostWith(IStep<EnsureVpcInput, VpcResource> step) => new(
        new Dictionary<string, Func<IFunctionHandler>>
        {
            ["EnsureVpc"] = () => new StepHandler<EnsureVpcInput, VpcResource>(step, StepsJsonContext.Default.EnsureVpcInput, StepsJsonContext.Default.VpcResource),
        },
        NullLogger<FunctionHost>.Instance);

    [Fact]
    public async Task A_step_output_is_returned_as_camelCase_JSON()
    {
        var result = await HostWith(new EchoVpcStep()).InvokeAsync("EnsureVpc", Payload, CancellationToken.None);

        Assert.Null(result.Error);
        Assert.Equal("""{"vpcId":"vpc-0123456789abcdef0","cidrBlock":"10.0.0.0/16"}""", result.Payload);
    }

    [Fact]
    public async Task A_state_document_from_another_deployment_fails_the_step_with_its_name_before_the_step_runs()
    {
        var step = new EchoVpcStep();

        var result = await HostWith(step).InvokeAsync("EnsureVpc", Payload.Replace("{\"plan\":{", "{\"plan\":{\"stateVersion\":2,", StringComparison.Ordinal), CancellationToken.None);

        Assert.Null(result.Payload);
        Assert.Equal(UnsupportedStateVersionException.Name, result.Error?.ErrorType);
        Assert.Contains("plan.stateVersion: 2", result.Error?.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_provisioning_failure_is_reported_with_its_Provisioning_name()
    {
        var host = HostWith(new ThrowingStep(new ContainerInstancesPendingException("c", 1, 2)));

        var result = await host.InvokeAsync("EnsureVpc", Payload, CancellationToken.None);

        Assert.Equal("Provisioning.ContainerInstancesPending", result.Error!.ErrorType);
    }

    [Theory]
    [InlineData("InsufficientInstanceCapacity")]
    [InlineData("RequestLimitExceeded")]
    public async Task An_EC2_error_is_reported_with_the_EC2_error_code_unchanged(string code)
    {
        var host = HostWith(new ThrowingStep(new AmazonEC2Exception("no", ErrorType.Sender, code, "req-1", HttpStatusCode.BadRequest)));

        var result = await host.InvokeAsync("EnsureVpc", Payload, CancellationToken.None);

        Assert.Equal(code, result.Error!.ErrorType);
        Assert.Equal("no", result.Error.ErrorMessage);
    }

    [Fact]
    public async Task An_error_of_a_service_we_speak_ourselves_is_reported_with_its_code()
    {
        var host = HostWith(new ThrowingStep(new AwsServiceError("ecs", "ThrottlingException", "Rate exceeded")));

        var result = await host.InvokeAsync("EnsureVpc", Payload, CancellationToken.None);

        Assert.Equal("ThrottlingException", result.Error!.ErrorType);
    }

    [Fact]
    public async Task Any_other_exception_is_reported_with_its_type_name_as_Lambdas_dotnet_runtime_does()
    {
        var result = await HostWith(new ThrowingStep(new InvalidOperationException("bug"))).InvokeAsync("EnsureVpc", Payload, CancellationToken.None);

        Assert.Equal(nameof(InvalidOperationException), result.Error!.ErrorType);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("null")]
    [InlineData("""{"plan": 42}""")]
    public async Task An_event_that_is_not_the_steps_input_is_a_MalformedEvent(string payload)
    {
        var result = await HostWith(new EchoVpcStep()).InvokeAsync("EnsureVpc", payload, CancellationToken.None);

        Assert.Equal("Provisioning.MalformedEvent", result.Error!.ErrorType);
    }

    [Fact]
    public async Task An_unknown_handler_is_reported_and_the_known_ones_are_named()
    {
        var result = await HostWith(new EchoVpcStep()).InvokeAsync("EnsureVcp", Payload, CancellationToken.None);

        Assert.Equal("Runtime.HandlerNotFound", result.Error!.ErrorType);
        Assert.Contains("EnsureVpc", result.Error.ErrorMessage);
    }

    [Fact]
    public async Task A_handler_is_built_on_its_first_use_once_and_the_others_are_never_built()
    {
        var built = new List<string>();
        IFunctionHandler Build(string name)
        {
            built.Add(name);
            return new StepHandler<EnsureVpcInput, VpcResource>(new EchoVpcStep(), StepsJsonContext.Default.EnsureVpcInput, StepsJsonContext.Default.VpcResource);
        }

        var host = new FunctionHost(
            new Dictionary<string, Func<IFunctionHandler>> { ["EnsureVpc"] = () => Build("EnsureVpc"), ["EnsureSubnet"] = () => Build("EnsureSubnet") },
            NullLogger<FunctionHost>.Instance);
        Assert.Empty(built);

        await host.InvokeAsync("EnsureVpc", Payload, CancellationToken.None);
        await host.InvokeAsync("EnsureVpc", Payload, CancellationToken.None);

        Assert.Equal(["EnsureVpc"], built);
    }
}
