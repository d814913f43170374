namespace OutpostServerless.StateMachine.Jsonata.Runtime;

/// <summary>JSON null inside the evaluator; C# null means JSONata's "undefined" (no value at all).</summary>
internal sealed class JNull
{
    public static readonly JNull Value = new();

    private JNull()
    {
    }

    public override string ToString() => "null";
}
