namespace OutpostServerless.Local.StepFunctions;

/// <summary>Step Functions' rule for execution names: 1 to 80 characters, none of whitespace, brackets, wildcards, <c>"#%\^|~`$&amp;,;:/</c> or control characters.</summary>
internal static class ExecutionNames
{
    private const string Forbidden = "<>{}[]?*\"#%\\^|~`$&,;:/";

    public static void Check(string name)
    {
        if (name.Length is 0 or > 80 || name.Any(c => char.IsWhiteSpace(c) || Forbidden.Contains(c, StringComparison.Ordinal) || c <= '\u001f' || c is >= '\u007f' and <= '\u009f'))
        {
            throw new StepFunctionsException("InvalidName", $"Invalid Name: '{name}'");
        }
    }
}
