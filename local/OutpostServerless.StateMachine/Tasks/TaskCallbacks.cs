using System.Collections.Concurrent;

namespace OutpostServerless.StateMachine.Tasks;

/// <summary>
/// Every task token a runner issued, so SendTaskSuccess/Failure/Heartbeat can find their task. Tokens are
/// opaque base64 text like AWS's; closed tasks stay known so a late call gets TaskTimedOut, not TaskDoesNotExist.
/// </summary>
internal sealed class TaskCallbacks
{
    private const byte TokenVersion = 1;
    private const int TokenBytes = 33;

    private readonly ConcurrentDictionary<string, TaskCallback> _open = new(StringComparer.Ordinal);

    public TaskCallback Issue(Random random, DateTimeOffset now)
    {
        while (true)
        {
            var bytes = new byte[TokenBytes];
            random.NextBytes(bytes);
            bytes[0] = TokenVersion;
            var callback = new TaskCallback(Convert.ToBase64String(bytes), now);
            if (_open.TryAdd(callback.Token, callback))
            {
                return callback;
            }
        }
    }

    public TaskCallback Find(string taskToken)
    {
        ArgumentNullException.ThrowIfNull(taskToken);
        if (!IsWellFormed(taskToken))
        {
            throw new TaskTokenException(TaskTokenErrorCodes.InvalidToken, taskToken, "Invalid token");
        }

        return _open.TryGetValue(taskToken, out var callback)
            ? callback
            : throw new TaskTokenException(TaskTokenErrorCodes.TaskDoesNotExist, taskToken, "Task does not exist anymore");
    }

    public static bool IsWellFormed(string token)
    {
        Span<byte> bytes = stackalloc byte[TokenBytes + 3];
        return Convert.TryFromBase64String(token, bytes, out var written) && written == TokenBytes && bytes[0] == TokenVersion;
    }
}
