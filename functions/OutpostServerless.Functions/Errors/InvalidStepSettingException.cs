namespace OutpostServerless.Functions.Errors;

/// <summary>A setting the template passes to the functions has a value they cannot use: the function fails at init.</summary>
public sealed class InvalidStepSettingException(string variable, string message) : Exception(message)
{
    public string Variable { get; } = variable;
}
