namespace OutpostServerless.Aws.Client.Endpoints;

/// <summary>
/// The process environment, the one seam through which the clients (Region, endpoints, trace id) and the Lambda
/// runtime (its settings, the trace id it exports per event) read and write it, so tests need no process state.
/// </summary>
public interface IEnvironment
{
    /// <summary>The variable's value, or null when it is unset or empty.</summary>
    string? GetVariable(string name);

    /// <summary>Sets the variable, or removes it when <paramref name="value"/> is null.</summary>
    void SetVariable(string name, string? value);
}
