using OutpostServerless.StateMachine.Errors;

namespace OutpostServerless.StateMachine.Retry;

/// <summary>Whether an ErrorEquals list takes an error (spec "Error names" and AWS error-handling docs).</summary>
internal static class ErrorMatcher
{
    public static bool Matches(IReadOnlyList<string> errorEquals, StatesException failure)
    {
        // States.Runtime and States.DataLimitExceeded are terminal: nothing catches them, not even States.ALL.
        if (failure.IsTerminal)
        {
            return false;
        }

        foreach (var name in errorEquals)
        {
            var matches = name switch
            {
                StatesErrorNames.All => true,

                // A wildcard for every error except timeouts (AWS: "any known error name except States.Timeout").
                StatesErrorNames.TaskFailed => failure.Error != StatesErrorNames.Timeout && !failure.IsHeartbeat,
                StatesErrorNames.HeartbeatTimeout => failure.IsHeartbeat || failure.Error == StatesErrorNames.HeartbeatTimeout,
                _ => string.Equals(name, failure.Error, StringComparison.Ordinal),
            };
            if (matches)
            {
                return true;
            }
        }

        return false;
    }
}
