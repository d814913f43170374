namespace OutpostServerless.StateMachine;

/// <summary>
/// A definition that AWS would reject at CreateStateMachine time. <see cref="Errors"/> lists every problem
/// found, each naming the state and field it is about (e.g. <c>State 'CheckCapacity': Next 'Foo' does not exist</c>).
/// </summary>
public sealed class DefinitionValidationException : Exception
{
    public DefinitionValidationException(IReadOnlyList<string> errors)
        : base("Invalid state machine definition:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  - " + e)))
    {
        Errors = errors;
    }

    public DefinitionValidationException()
        : this(Array.Empty<string>())
    {
    }

    public DefinitionValidationException(string message)
        : this(new[] { message })
    {
    }

    public DefinitionValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = new[] { message };
    }

    public IReadOnlyList<string> Errors { get; }
}
