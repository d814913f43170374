namespace OutpostServerless.Cli.Sam;

/// <summary>The account and Region a local run pretends to deploy into, which shape every ARN.</summary>
public sealed record SamEnvironment(string Region, string AccountId)
{
    public string FunctionArn(string logicalId) => $"arn:aws:lambda:{Region}:{AccountId}:function:{logicalId}";

    public string StateMachineArn(string logicalId) => $"arn:aws:states:{Region}:{AccountId}:stateMachine:{logicalId}";
}
