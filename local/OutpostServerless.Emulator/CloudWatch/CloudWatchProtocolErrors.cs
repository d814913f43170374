using System.Collections.Frozen;

namespace OutpostServerless.Emulator.CloudWatch;

/// <summary>
/// CloudWatch is awsQueryCompatible: over JSON an error is named by its shape in the service model
/// (<c>InvalidParameterValueException</c>) while <c>x-amzn-query-error</c> carries the query code
/// (<c>InvalidParameterValue</c>) that clients report.
/// </summary>
internal static class CloudWatchProtocolErrors
{
    // From the error shapes of botocore's cloudwatch/2010-08-01 model: query code → shape name.
    private static readonly FrozenDictionary<string, string> ShapeByCode = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["InvalidParameterValue"] = "InvalidParameterValueException",
        ["InvalidParameterCombination"] = "InvalidParameterCombinationException",
        ["MissingParameter"] = "MissingRequiredParameterException",
        ["InternalServiceError"] = "InternalServiceFault",
        ["InvalidFormat"] = "InvalidFormatFault",
        ["LimitExceeded"] = "LimitExceededFault",
        ["InvalidParameterInput"] = "DashboardInvalidInputError",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static string JsonType(string queryCode) => ShapeByCode.GetValueOrDefault(queryCode, queryCode);
}
