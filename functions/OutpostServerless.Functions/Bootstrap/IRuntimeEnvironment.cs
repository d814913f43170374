namespace OutpostServerless.Functions.Bootstrap;

/// <summary>The process environment as the runtime reads and writes it; a seam so tests need no process state.</summary>
public interface IRuntimeEnvironment
{
    /// <summary>The variable's value, or null when it is unset or empty.</summary>
    string? Get(string name);

    /// <summary>Sets the variable, or removes it when <paramref name="value"/> is null.</summary>
    void Set(string name, string? value);
}
