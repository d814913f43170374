namespace OutpostServerless.Local.StepFunctions;

/// <summary>
/// Step Functions' check of an ARN parameter before it looks anything up: <c>InvalidArn</c> for what is not
/// an ARN of this service (<c>Invalid ARN prefix</c>) or names another resource type, with AWS's messages.
/// </summary>
internal static class StatesArns
{
    public const string StateMachine = "stateMachine";
    public const string Execution = "execution";

    /// <summary>Throws InvalidArn unless <paramref name="arn"/> is <c>arn:aws:states:region:account:{resourceType}:...</c>.</summary>
    public static void Check(string arn, string resourceType)
    {
        var parts = arn.Split(':');
        if (parts.Length < 7 || parts[0] != "arn" || parts[2] != "states" || parts.Skip(6).Any(p => p.Length == 0))
        {
            throw new StepFunctionsException("InvalidArn", $"Invalid Arn: 'Invalid ARN prefix: {arn}'");
        }

        var expectedParts = resourceType == Execution ? 8 : 7;
        if (parts[5] != resourceType || parts.Length != expectedParts)
        {
            throw new StepFunctionsException("InvalidArn", $"Invalid Arn: 'Resource type not valid in this context: {parts[5]}'");
        }
    }
}
