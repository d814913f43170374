using OutpostServerless.Emulator;
using OutpostServerless.Emulator.Sam;
using OutpostServerless.Emulator.Wire.Protocols;
using OutpostServerless.Local.EventBridge;
using OutpostServerless.Local.Lambda;
using OutpostServerless.Local.StepFunctions;
using OutpostServerless.Local.WebConsole;
using OutpostServerless.Local.Workflow;

namespace OutpostServerless.Local;

/// <summary>
/// The stack's own services over template.yaml, as front-ends of the emulator's server (<c>emulator serve</c>):
/// Step Functions with the template's state machines, Lambda Invoke of its functions in process, and
/// EventBridge PutEvents against its rules — all on one world and clock, so an event's execution and an
/// invoked function see the same EC2 and ECS as the AWS CLI does.
/// </summary>
internal sealed class ProductServices : IAsyncDisposable
{
    public ProductServices(SamTemplate template, EmulatedCloud cloud, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(cloud);
        var bus = new LocalEventBus(template);
        StepFunctions = new LocalStepFunctions(template, cloud, clock);
        Console = new LocalConsole(template, StepFunctions);
        Lambda = new LocalLambda(template, new InProcessLambdaInvoker(template, cloud.PortsFor, clock, new LocalStepFunctionsClient(StepFunctions)));
        FrontEnds =
        [
            new StepFunctionsJsonFrontEnd(StepFunctions),
            new LambdaRestJsonFrontEnd(Lambda),
            new EventsJsonFrontEnd(template, bus, StepFunctions),
        ];
    }

    public LocalStepFunctions StepFunctions { get; }

    public LocalLambda Lambda { get; }

    /// <summary>The local console over these executions, at <c>/_console/</c> on the same endpoint.</summary>
    public LocalConsole Console { get; }

    public IReadOnlyList<IWireFrontEnd> FrontEnds { get; }

    public async ValueTask DisposeAsync()
    {
        await Lambda.DisposeAsync();
        await StepFunctions.DisposeAsync();
    }
}
