namespace OutpostServerless.StateMachine;

/// <summary>
/// How a state reads and shapes data: JSONPath (InputPath, Parameters, ResultSelector, ResultPath,
/// OutputPath) or JSONata (Arguments, Output and <c>{% … %}</c> expressions).
/// </summary>
public enum QueryLanguage
{
    JsonPath,
    Jsonata,
}
