using OutpostServerless.Emulator.Lambda;

// Not ".Process": that namespace would hide System.Diagnostics.Process from every test namespace beside it.
namespace OutpostServerless.Cli.Tests.LambdaProcess;

/// <summary>
/// Fake runtimes for the emulator's Runtime API: bash scripts speaking HTTP/1.1 over bash's /dev/tcp, so a
/// test scripts exactly what the runtime does (answer, fail, crash, hang) with nothing but bash.
/// <c>next</c> fetches an event into <c>$event</c> with its headers in <c>$request_id</c>, <c>$deadline</c>,
/// <c>$arn</c>, <c>$trace</c> and <c>$emulated</c>; <c>post PATH BODY [HEADER]</c> posts; <c>respond BODY</c>
/// answers the current event. Bodies must be ASCII (Content-Length is the character count).
/// </summary>
internal static class FakeRuntime
{
    private const string Library = """
        #!/bin/bash
        api="$AWS_LAMBDA_RUNTIME_API"; host="${api%:*}"; port="${api##*:}"
        next() {
          exec 3<>"/dev/tcp/$host/$port"
          printf 'GET /2018-06-01/runtime/invocation/next HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n' "$api" >&3
          request_id=""; deadline=""; arn=""; trace=""; emulated=""; length=0
          while IFS= read -r line <&3; do
            line="${line%$'\r'}"
            [ -z "$line" ] && break
            name="${line%%:*}"; value="${line#*: }"
            case "${name,,}" in
              lambda-runtime-aws-request-id) request_id="$value";;
              lambda-runtime-deadline-ms) deadline="$value";;
              lambda-runtime-invoked-function-arn) arn="$value";;
              lambda-runtime-trace-id) trace="$value";;
              x-outpost-serverless-emulated-time) emulated="$value";;
              content-length) length="$value";;
            esac
          done
          event="$(head -c "$length" <&3)"
          exec 3<&-
        }
        post() {
          exec 3<>"/dev/tcp/$host/$port"
          local extra=""
          [ -n "${3:-}" ] && extra="$3"$'\r\n'
          printf 'POST %s HTTP/1.1\r\nHost: %s\r\nContent-Length: %d\r\nConnection: close\r\n%s\r\n%s' "$1" "$api" "${#2}" "$extra" "$2" >&3
          cat <&3 >/dev/null
          exec 3<&-
        }
        respond() { post "/2018-06-01/runtime/invocation/$request_id/response" "$1"; }

        """;

    /// <summary>Answers every event with <c>{"echo": event}</c>.</summary>
    public const string Echo = """while next; do respond "{\"echo\":$event}"; done""";

    /// <summary>A bootstrap (executable, in a directory of its own) running <paramref name="script"/> after the library.</summary>
    public static BootstrapCommand Create(string script)
    {
        var root = Path.Combine(Path.GetTempPath(), $"outpost-serverless-runtime-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        var bootstrap = Path.Combine(root, "bootstrap");
        File.WriteAllText(bootstrap, Library.ReplaceLineEndings("\n") + script.ReplaceLineEndings("\n") + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(bootstrap, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return BootstrapCommand.For(bootstrap);
    }

    public static LambdaFunctionConfiguration Function(string script, string name = "EnsureVpcFunction", TimeSpan? timeout = null) =>
        new(name, "EnsureVpc", Create(script), timeout ?? TimeSpan.FromSeconds(60), MemorySize: 512);
}
