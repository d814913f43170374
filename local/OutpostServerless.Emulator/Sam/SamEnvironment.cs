namespace OutpostServerless.Emulator.Sam;

/// <summary>
/// The account, Region and stack a local run pretends to deploy into, which shape every ARN and the
/// pseudo parameters (<c>AWS::Region</c>, <c>AWS::AccountId</c>, <c>AWS::StackName</c>, ...).
/// </summary>
public sealed record SamEnvironment(string Region, string AccountId)
{
    /// <summary>The stack name <c>AWS::StackName</c> stands for; samconfig.toml's default.</summary>
    public string StackName { get; init; } = "outpost-serverless";

    public string Partition => "aws";

    public string UrlSuffix => "amazonaws.com";

    public string FunctionArn(string logicalId) => $"arn:aws:lambda:{Region}:{AccountId}:function:{logicalId}";

    public string StateMachineArn(string name) => $"arn:aws:states:{Region}:{AccountId}:stateMachine:{name}";

    public string AlarmArn(string alarmName) => $"arn:aws:cloudwatch:{Region}:{AccountId}:alarm:{alarmName}";

    public string RuleArn(string ruleName) => $"arn:aws:events:{Region}:{AccountId}:rule/{ruleName}";

    /// <summary>
    /// The value a required parameter (no Default) takes in a local stack when not overridden: <c>OutpostArn</c> is
    /// the emulator's Outpost. The template itself carries no such default, so a real deploy must give one.
    /// </summary>
    public string? LocalValueOf(string parameter) => parameter switch
    {
        "OutpostArn" => $"arn:aws:outposts:{Region}:{AccountId}:outpost/{OutpostServerless.Emulator.OutpostOption.DefaultRack.OutpostId}",
        _ => null,
    };
}
