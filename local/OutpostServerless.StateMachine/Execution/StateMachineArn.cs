namespace OutpostServerless.StateMachine.Execution;

/// <summary>The parts of <c>arn:aws:states:region:account:stateMachine:name</c> an execution needs.</summary>
internal sealed record StateMachineArn(string Partition, string Region, string Account, string Name)
{
    public static StateMachineArn Parse(string arn)
    {
        var parts = arn.Split(':');
        return parts is ["arn", var partition, "states", var region, var account, "stateMachine", var name, ..]
            ? new StateMachineArn(partition, region, account, name)
            : throw new ArgumentException($"'{arn}' is not a state machine ARN (arn:aws:states:region:account:stateMachine:name)", nameof(arn));
    }

    public string ExecutionArn(string executionName) => $"arn:{Partition}:states:{Region}:{Account}:execution:{Name}:{executionName}";
}
