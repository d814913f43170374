namespace OutpostServerless.Provisioning.Errors;

/// <summary>
/// A step's input lacks a member an earlier step should have written (for example
/// <c>resources.subnet</c>): the state machine wiring is wrong, and no retry will fix it.
/// </summary>
public sealed class StepInputMissingException(string step, string member)
    : ProvisioningException(Name, $"{step} needs {member} in its input, which an earlier step writes; it is missing.")
{
    public const string Name = "Provisioning.StepInputMissing";

    public string Step { get; } = step;
    /// <summary>The JSON path of the missing member, e.g. <c>resources.subnet</c>.</summary>
    public string Member { get; } = member;
}
