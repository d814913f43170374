using System.Text;

namespace OutpostServerless.Provisioning.Errors;

/// <summary>
/// The provisioning request was refused before anything was created. Never retried: the same request
/// fails the same way. The message (the execution's Cause) lists every <see cref="FieldError"/>.
/// </summary>
public sealed class InvalidRequestException(IReadOnlyList<FieldError> errors)
    : ProvisioningException(Name, Describe(errors))
{
    public const string Name = "Provisioning.InvalidRequest";

    // Step Functions keeps at most 32,768 characters of a Cause, and the Lambda error wraps the
    // message in JSON; stop well before so the list is cut cleanly instead of mid-error.
    private const int MaxMessageLength = 24_000;

    public IReadOnlyList<FieldError> Errors { get; } = errors;

    private static string Describe(IReadOnlyList<FieldError> errors)
    {
        var message = new StringBuilder()
            .Append("The provisioning request is invalid (")
            .Append(errors.Count)
            .Append(errors.Count == 1 ? " error" : " errors")
            .Append("); nothing was created.");
        for (var i = 0; i < errors.Count; i++)
        {
            var line = errors[i].ToString();
            if (message.Length + line.Length + 1 > MaxMessageLength)
            {
                message.Append('\n').Append("... and ").Append(errors.Count - i).Append(" more.");
                break;
            }

            message.Append('\n').Append(line);
        }

        return message.ToString();
    }
}
