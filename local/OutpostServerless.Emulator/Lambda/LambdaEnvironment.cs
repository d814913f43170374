using System.Globalization;
using System.Security.Cryptography;

namespace OutpostServerless.Emulator.Lambda;

/// <summary>The environment variables Lambda sets for a function's runtime process (provided.al2023).</summary>
internal static class LambdaEnvironment
{
    public static Dictionary<string, string> For(LambdaFunctionConfiguration function, LambdaServiceOptions options, string runtimeApi, DateTimeOffset now)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in options.InheritedVariables)
        {
            if (Environment.GetEnvironmentVariable(name) is { Length: > 0 } value)
            {
                variables[name] = value;
            }
        }

        foreach (var (name, value) in function.Variables ?? new Dictionary<string, string>())
        {
            variables[name] = value;
        }

        // Lambda's reserved variables: a function cannot override them.
        variables["AWS_LAMBDA_RUNTIME_API"] = runtimeApi;
        variables["_HANDLER"] = function.Handler;
        variables["LAMBDA_TASK_ROOT"] = function.Bootstrap.TaskRoot;
        variables["LAMBDA_RUNTIME_DIR"] = function.Bootstrap.TaskRoot;
        variables["AWS_LAMBDA_FUNCTION_NAME"] = function.FunctionName;
        variables["AWS_LAMBDA_FUNCTION_VERSION"] = "$LATEST";
        variables["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = function.MemorySize.ToString(CultureInfo.InvariantCulture);
        variables["AWS_LAMBDA_LOG_GROUP_NAME"] = $"/aws/lambda/{function.FunctionName}";
        variables["AWS_LAMBDA_LOG_STREAM_NAME"] = $"{now.UtcDateTime:yyyy'/'MM'/'dd}/[$LATEST]{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}";
        variables["AWS_LAMBDA_INITIALIZATION_TYPE"] = "on-demand";
        variables["AWS_REGION"] = options.Region;
        variables["AWS_DEFAULT_REGION"] = options.Region;
        variables["AWS_ACCESS_KEY_ID"] = options.AccessKeyId;
        variables["AWS_SECRET_ACCESS_KEY"] = options.SecretAccessKey;
        if (options.SessionToken is { } token)
        {
            variables["AWS_SESSION_TOKEN"] = token;
        }

        if (options.EndpointUrl is { } endpoint)
        {
            variables["AWS_ENDPOINT_URL"] = endpoint.ToString().TrimEnd('/');
        }

        if (options.EmulatedClock is not null)
        {
            // Tells our bootstrap to read each event's X-Outpost-Serverless-Emulated-Time (it ignores it otherwise,
            // as it must on Lambda): Functions' EmulatorVariables.EmulatedTime.
            variables["OUTPOST_SERVERLESS_EMULATED_TIME"] = "header";
        }

        variables["TZ"] = ":UTC";
        variables["LANG"] = "en_US.UTF-8";
        return variables;
    }

    /// <summary>An X-Ray trace header as Lambda passes one: <c>Root=1-{epoch hex}-{96-bit id};Parent={64-bit id};Sampled=0</c>.</summary>
    public static string TraceId(DateTimeOffset now) =>
        $"Root=1-{now.ToUnixTimeSeconds():x8}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))};Parent={Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))};Sampled=0";
}
