using OutpostServerless.Aws.Client.Endpoints;
using OutpostServerless.Functions.Errors;

namespace OutpostServerless.Functions.Bootstrap;

/// <summary>What the bootstrap needs from its environment before it can serve: where the Runtime API is and which handler to run.</summary>
/// <param name="FollowsEmulatedTime">Only under the local emulator (<see cref="EmulatorVariables.EmulatedTime"/>): the steps read each event's emulated time.</param>
public sealed record BootstrapSettings(string RuntimeApi, string Handler, string FunctionName, bool FollowsEmulatedTime = false)
{
    /// <summary>Reads the settings; only a missing Runtime API address is fatal before the loop can report anything.</summary>
    public static BootstrapSettings From(IEnvironment environment) => new(
        environment.GetVariable(LambdaVariables.RuntimeApi) ?? throw new RuntimeSettingMissingException(LambdaVariables.RuntimeApi),
        environment.GetVariable(LambdaVariables.Handler) ?? "",
        environment.GetVariable(LambdaVariables.FunctionName) ?? "",
        environment.GetVariable(EmulatorVariables.EmulatedTime) == EmulatorVariables.EmulatedTimeFromHeader);
}
