using System.Globalization;
using OutpostServerless.Functions.Errors;
using OutpostServerless.Provisioning.Request;

namespace OutpostServerless.Functions.Handlers;

/// <summary>What a deployment configures for the steps: the template's Globals environment variables.</summary>
public sealed record StepSettings
{
    public const string DefaultCapacityWaitVariable = "OUTPOST_SERVERLESS_DEFAULT_CAPACITY_WAIT_SECONDS";

    /// <summary>capacityWait.maxSeconds for requests that leave it out (stack parameter DefaultCapacityWaitSeconds).</summary>
    public int DefaultCapacityWaitSeconds { get; init; } = RequestDefaults.CapacityWaitMaxSeconds;

    /// <summary>The settings from the function's environment; an unset variable keeps its default.</summary>
    public static StepSettings From(Func<string, string?> variable)
    {
        var text = variable(DefaultCapacityWaitVariable);
        if (string.IsNullOrEmpty(text))
        {
            return new StepSettings();
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds <= RequestDefaults.CapacityWaitMaxSecondsLimit
            ? new StepSettings { DefaultCapacityWaitSeconds = seconds }
            : throw new InvalidStepSettingException(DefaultCapacityWaitVariable,
                $"{DefaultCapacityWaitVariable} is '{text}'; set it to whole seconds from 0 to {RequestDefaults.CapacityWaitMaxSecondsLimit} (the DefaultCapacityWaitSeconds parameter)");
    }
}
