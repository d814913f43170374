using OutpostServerless.Cli.Serve;
using OutpostServerless.Cli.Services.StepFunctions;
using OutpostServerless.Emulator.Wire.Protocols;

namespace OutpostServerless.Cli.Services;

/// <summary>
/// The product's own services as front-ends of the emulator's server (<c>emulator serve</c>): Step Functions
/// over the template's state machines, on the same world and endpoint as EC2, ECS and the rest.
/// </summary>
internal static class ProductServices
{
    public static IReadOnlyList<IWireFrontEnd> FrontEnds(LocalStepFunctions stepFunctions) =>
    [
        new StepFunctionsJsonFrontEnd(stepFunctions),
    ];
}
