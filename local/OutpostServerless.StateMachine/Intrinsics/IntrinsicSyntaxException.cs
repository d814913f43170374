namespace OutpostServerless.StateMachine.Intrinsics;

/// <summary>An intrinsic call that does not parse, names an unknown function or has the wrong number of arguments.</summary>
internal sealed class IntrinsicSyntaxException : Exception
{
    public IntrinsicSyntaxException(string text, string problem)
        : base($"'{text}' is not a valid intrinsic function call: {problem}")
    {
        Text = text;
    }

    public string Text { get; }
}
