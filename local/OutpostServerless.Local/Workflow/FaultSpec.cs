using System.Globalization;
using System.Text.RegularExpressions;

namespace OutpostServerless.Local.Workflow;

/// <summary>
/// A rehearsed AWS failure, <c>service:Operation=ErrorCode[*times]</c>, e.g.
/// <c>ec2:RunInstances=InsufficientInstanceCapacity</c> or <c>ecs:CreateService=ServerException*3</c>:
/// the next <see cref="Times"/> calls of that operation fail with that code and change nothing.
/// </summary>
public sealed partial record FaultSpec(string Operation, string ErrorCode, int Times)
{
    public static bool TryParse(string text, out FaultSpec? fault)
    {
        var match = Syntax().Match(text);
        fault = match.Success
            ? new FaultSpec(match.Groups["operation"].Value, match.Groups["code"].Value,
                match.Groups["times"].Success ? int.Parse(match.Groups["times"].Value, CultureInfo.InvariantCulture) : 1)
            : null;
        return fault is not null;
    }

    [GeneratedRegex(@"^(?<operation>[a-z0-9]+:[A-Za-z0-9]+)=(?<code>[A-Za-z0-9.]+)(\*(?<times>[1-9][0-9]{0,5}))?$")]
    private static partial Regex Syntax();
}
