using OutpostServerless.Functions.Errors;

namespace OutpostServerless.Functions.Bootstrap;

/// <summary>What the bootstrap needs from its environment before it can serve: where the Runtime API is and which handler to run.</summary>
public sealed record BootstrapSettings(string RuntimeApi, string Handler, string FunctionName)
{
    /// <summary>Reads the settings; only a missing Runtime API address is fatal before the loop can report anything.</summary>
    public static BootstrapSettings From(IRuntimeEnvironment environment) => new(
        environment.Get(LambdaVariables.RuntimeApi) ?? throw new RuntimeSettingMissingException(LambdaVariables.RuntimeApi),
        environment.Get(LambdaVariables.Handler) ?? "",
        environment.Get(LambdaVariables.FunctionName) ?? "");
}
