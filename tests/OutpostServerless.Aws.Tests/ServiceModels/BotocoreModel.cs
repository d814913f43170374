using System.Collections.Frozen;
using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;

namespace OutpostServerless.Aws.Tests.ServiceModels;

/// <summary>
/// One service's botocore model (<c>botocore/data/&lt;service&gt;/&lt;version&gt;/service-2.json[.gz]</c>),
/// the newest version on this machine. Botocore is part of the machine image (the pyenv AWS CLI);
/// a missing model fails the test with the path that was searched.
/// </summary>
internal sealed class BotocoreModel
{
    public const string DefaultDataPath = "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/botocore/data";

    // Loaded once per test run; the dictionary itself never changes after construction.
    private static readonly FrozenDictionary<string, Lazy<BotocoreModel>> Models =
        new[] { "ecs", "iam", "outposts", "cloudwatch", "ssm", "ec2", "dynamodb", "stepfunctions", "lambda", "events" }
            .ToFrozenDictionary(name => name, name => new Lazy<BotocoreModel>(() => Load(name)));

    private BotocoreModel(string service, JsonDocument document)
    {
        Service = service;
        Document = document;
    }

    public string Service { get; }
    public JsonDocument Document { get; }
    public JsonElement Metadata => Document.RootElement.GetProperty("metadata");
    public JsonElement Operations => Document.RootElement.GetProperty("operations");
    public JsonElement Shapes => Document.RootElement.GetProperty("shapes");

    public string? TargetPrefix => Metadata.TryGetProperty("targetPrefix", out var prefix) ? prefix.GetString() : null;
    public string ApiVersion => Metadata.GetProperty("apiVersion").GetString()!;

    /// <summary>The model for a signing name (<c>monitoring</c> is botocore's <c>cloudwatch</c>, <c>states</c> its <c>stepfunctions</c>).</summary>
    public static BotocoreModel ForSigningName(string signingName) => For(signingName switch
    {
        "monitoring" => "cloudwatch",
        "states" => "stepfunctions",
        _ => signingName,
    });

    public static BotocoreModel For(string service) =>
        Models.TryGetValue(service, out var model) ? model.Value : throw new ArgumentException($"No botocore model is registered for '{service}'.", nameof(service));

    public JsonElement Shape(string name) => Shapes.GetProperty(name);

    private static BotocoreModel Load(string service)
    {
        var data = DataPath();
        var serviceDirectory = Path.Combine(data, service);
        var file = Directory.Exists(serviceDirectory)
            ? Directory.GetDirectories(serviceDirectory).OrderDescending(StringComparer.Ordinal)
                .SelectMany(version => new[] { Path.Combine(version, "service-2.json"), Path.Combine(version, "service-2.json.gz") })
                .FirstOrDefault(File.Exists)
            : null;
        if (file is null)
        {
            throw new FileNotFoundException(
                $"The botocore model of '{service}' is missing: looked for {serviceDirectory}/<version>/service-2.json[.gz]. " +
                "The machine image ships botocore with the pyenv AWS CLI; install it (pip install botocore) or set BOTOCORE_DATA_PATH to its data directory.");
        }

        using var stream = File.OpenRead(file);
        using var content = file.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(stream, CompressionMode.Decompress) : (Stream)stream;
        return new BotocoreModel(service, JsonDocument.Parse(content));
    }

    private static string DataPath()
    {
        if (Environment.GetEnvironmentVariable("BOTOCORE_DATA_PATH") is { Length: > 0 } configured)
        {
            return configured;
        }

        return Directory.Exists(DefaultDataPath) ? DefaultDataPath : AskPython() ?? DefaultDataPath;
    }

    private static string? AskPython()
    {
        try
        {
            using var python = Process.Start(new ProcessStartInfo("python3", ["-c", "import botocore,os;print(os.path.join(os.path.dirname(botocore.__file__),'data'))"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (python is null)
            {
                return null;
            }

            var output = python.StandardOutput.ReadToEnd().Trim();
            python.WaitForExit();
            return python.ExitCode == 0 && Directory.Exists(output) ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
