using System.Text.Json.Nodes;
using OutpostServerless.Emulator.Sam;
using OutpostServerless.Testing.Processes;
using OutpostServerless.Testing.Tools;

namespace OutpostServerless.Cli.Tests.Template;

/// <summary>
/// The request model API Gateway validates bodies with, read by an ECMAScript validator (ajv, draft-04, patterns
/// without the u flag) instead of .NET's: it accepts every shipped example and any text in free-form fields, and
/// refuses a corpus of bad bodies naming where.
/// </summary>
public sealed class ApiModelEcmaScriptTests : IDisposable
{
    private static readonly SamTemplate Template = SamTemplate.Load(RepositoryFiles.Template, new SamEnvironment("us-west-2", "123456789012"));

    private readonly string directory = Directory.CreateTempSubdirectory("ajv-").FullName;

    public static TheoryData<string> Examples =>
        [.. Directory.GetFiles(Path.Combine(RepositoryFiles.Root, "statemachine", "examples"), "*.json").Select(file => Path.GetFileName(file)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Every_example_request_is_accepted(string example)
    {
        var result = Assert.Single(await ValidateAsync(JsonNode.Parse(File.ReadAllText(RepositoryFiles.Example(example)))!));

        Assert.True(result.Valid, string.Join("; ", result.Errors));
    }

    [Fact]
    public async Task Quotes_apostrophes_backslashes_and_unicode_in_free_text_are_accepted()
    {
        var body = WebService();
        var container = body["workload"]!["taskDefinition"]!["containerDefinitions"]![0]!.AsObject();
        container["command"] = new JsonArray("sh", "-c", "echo \"it's\" \\ done — ✓ café");
        container["environment"] = new JsonArray(new JsonObject { ["name"] = "GREETING", ["value"] = "l'été \"chaud\" C:\\temp 日本" });
        body["cluster"]!["containerInstanceTags"] = new JsonObject { ["team"] = "Café Ops" };

        var result = Assert.Single(await ValidateAsync(body));

        Assert.True(result.Valid, string.Join("; ", result.Errors));
    }

    [Fact]
    public async Task A_corpus_of_bad_bodies_is_refused_each_naming_where()
    {
        var corpus = new (string Where, Action<JsonObject> Spoil)[]
        {
            ("", body => body.Remove("outpostArn")),
            ("/outpostArn", body => body["outpostArn"] = "arn:aws:outposts:us-west-2:123456789012:op-1"),
            ("", body => body["owner"] = "someone"),
            ("/cluster/instanceCount", body => body["cluster"]!["instanceCount"] = "two"),
            ("/cluster/instanceCount", body => body["cluster"]!["instanceCount"] = 0),
            ("/workload/mode", body => body["workload"]!["mode"] = "daemon"),
            ("/workload/desiredCount", body => body["workload"]!["desiredCount"] = -1),
            ("/network", body => body["network"] = "10.0.0.0/16"),
            ("/workload/taskDefinition/containerDefinitions", body => body["workload"]!["taskDefinition"]!["containerDefinitions"] = new JsonArray()),
        };
        var bodies = corpus.Select(c => { var body = WebService(); c.Spoil(body); return (JsonNode)body; }).ToArray();

        var results = await ValidateAsync(bodies);

        Assert.All(corpus.Zip(results), pair =>
        {
            Assert.False(pair.Second.Valid, $"a body spoiled at '{pair.First.Where}' was accepted");
            Assert.Contains(pair.Second.Errors, error => error.StartsWith(pair.First.Where + " ", StringComparison.Ordinal));
        });
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static JsonObject WebService() => JsonNode.Parse(File.ReadAllText(RepositoryFiles.Example("web-service.json")))!.AsObject();

    private async Task<IReadOnlyList<(bool Valid, IReadOnlyList<string> Errors)>> ValidateAsync(params JsonNode[] bodies)
    {
        var node = ToolPath.Require("node", "apt-get install nodejs");
        var modules = NpmTools.RequireModules("ajv-draft-04");
        var model = Path.Combine(directory, "model.json");
        var input = Path.Combine(directory, "bodies.json");
        await File.WriteAllTextAsync(model, Template.ApiRoutes.Single(r => r.HttpMethod == "POST").BodyModel!.Schema.ToJsonString(), TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(input, new JsonArray([.. bodies.Select(b => b.DeepClone())]).ToJsonString(), TestContext.Current.CancellationToken);

        var run = await ToolProcess.RunAsync(node, [Path.Combine(RepositoryFiles.Root, "tests", "OutpostServerless.Cli.Tests", "Template", "validate_with_ajv.cjs"), model, input],
            TestContext.Current.CancellationToken, environment: new Dictionary<string, string?> { ["NODE_PATH"] = modules });

        Assert.True(run.ExitCode == 0, run.Printed);
        return [.. JsonNode.Parse(run.Output)!.AsArray().Select(r => (r!["valid"]!.GetValue<bool>(), (IReadOnlyList<string>)[.. r["errors"]!.AsArray().Select(e => e!.GetValue<string>())]))];
    }
}
