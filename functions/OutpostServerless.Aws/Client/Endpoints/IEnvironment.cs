namespace OutpostServerless.Aws.Client.Endpoints;

/// <summary>The process environment as the client configuration reads it; a seam so tests need no process state.</summary>
public interface IEnvironment
{
    /// <summary>The variable's value, or null when it is unset or empty.</summary>
    string? GetVariable(string name);
}
