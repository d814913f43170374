using System.Xml.Linq;
using OutpostServerless.StateMachine;

namespace OutpostServerless.Cli.Tests.Graph;

/// <summary><c>graph</c> and <c>run --graph</c>: a laid-out picture of every state, as SVG or PNG, coloured by the path taken.</summary>
public sealed partial class GraphCommandTests : IDisposable
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private readonly string directory = Directory.CreateTempSubdirectory("outpost-serverless-graph-").FullName;

    private static string Definition => Path.Combine(RepositoryFiles.Root, "statemachine", "provision.asl.json");

    [Fact]
    public async Task The_SVG_of_provision_has_a_box_for_every_top_level_state_and_an_arrow_for_every_transition()
    {
        var file = Path.Combine(directory, "provision.svg");

        var (exitCode, _, error) = await CliRun.RunAsync("graph", Definition, "-o", file);

        Assert.True(exitCode == 0, error);
        var definition = StateMachineDefinition.Parse(File.ReadAllText(Definition));
        var topLevel = definition.States.Where(s => s.Parent is null).ToList();
        var svg = XDocument.Load(file);
        var boxes = svg.Descendants(Svg + "g").Select(g => g.Element(Svg + "title")?.Value).OfType<string>().Select(t => t[..t.IndexOf(':', StringComparison.Ordinal)]);
        Assert.Equal(topLevel.Select(s => s.Name).Order(StringComparer.Ordinal), boxes.Order(StringComparer.Ordinal));
        Assert.Equal(topLevel.Sum(s => s.Edges.Count), svg.Descendants(Svg + "polyline").Count());
        // A real layout: no two boxes overlap.
        var rects = svg.Descendants(Svg + "g").Select(g => g.Element(Svg + "rect")).OfType<XElement>()
            .Select(r => (X: (double)r.Attribute("x")!, Y: (double)r.Attribute("y")!, W: (double)r.Attribute("width")!, H: (double)r.Attribute("height")!)).ToList();
        Assert.DoesNotContain(rects.SelectMany((a, i) => rects.Skip(i + 1).Select(b => (a, b))),
            pair => pair.a.X < pair.b.X + pair.b.W && pair.b.X < pair.a.X + pair.a.W && pair.a.Y < pair.b.Y + pair.b.H && pair.b.Y < pair.a.Y + pair.a.H);
    }

    [Fact]
    public async Task A_png_is_a_PNG_image_of_the_same_picture()
    {
        var file = Path.Combine(directory, "provision.png");

        var (exitCode, _, error) = await CliRun.RunAsync("graph", Definition, "-o", file);

        Assert.True(exitCode == 0, error);
        var bytes = File.ReadAllBytes(file);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
        var width = (bytes[16] << 24) | (bytes[17] << 16) | (bytes[18] << 8) | bytes[19];
        Assert.True(width > 600, $"width {width}");
    }

    [Fact]
    public async Task Another_extension_is_refused_naming_the_option_and_the_fix()
    {
        var (exitCode, _, error) = await CliRun.RunAsync("graph", Definition, "-o", Path.Combine(directory, "provision.txt"));

        Assert.Equal(2, exitCode);
        Assert.Contains("--output:", error, StringComparison.Ordinal);
        Assert.Contains("Fix: name the picture out.svg or out.png.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_graph_colours_the_path_a_provisioning_took_and_counts_its_retries()
    {
        var file = Path.Combine(directory, "run.svg");

        // Capacity arrives after 10 virtual minutes: the provisioning parks in the queue, its wait times out into the
        // re-check (caught, as no capacity event reaches a plain run), and then it succeeds.
        var (exitCode, _, error) = await CliRun.WithTemplateAsync("run", RepositoryFiles.Example("web-service.json"), "--capacity-arrives-after", "600", "--graph", file, "--json");

        Assert.True(exitCode == 0, error);
        var titles = XDocument.Load(file).Descendants(Svg + "g").Select(g => g.Element(Svg + "title")?.Value).OfType<string>().ToDictionary(t => t[..t.IndexOf(':', StringComparison.Ordinal)]);
        Assert.Contains("Succeeded", titles["ValidateRequest"], StringComparison.Ordinal);
        Assert.Contains("Caught", titles["WaitForCapacity"], StringComparison.Ordinal);
        Assert.Contains("Succeeded", titles["CountWait"], StringComparison.Ordinal);
        Assert.Contains("Succeeded", titles["Provisioned"], StringComparison.Ordinal);
        Assert.Contains("NotRun", titles["Rollback"], StringComparison.Ordinal);
        Assert.Contains("NotRun", titles["ProvisioningFailed"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Graph_of_an_execution_kept_in_a_state_file_is_the_picture_run_drew_of_it()
    {
        var world = Path.Combine(directory, "world.json");
        var drawnByRun = Path.Combine(directory, "run.svg");
        var drawnLater = Path.Combine(directory, "later.svg");
        // A path with every kind of outcome but waiting: retried launches, a caught capacity wait, states not run.
        var (runExit, _, runError) = await CliRun.WithTemplateAsync(
            "run", RepositoryFiles.Example("web-service.json"), "--name", "storefront-web", "--capacity-arrives-after", "600", "--state-file", world, "--graph", drawnByRun, "--json");
        Assert.True(runExit == 0, runError);

        var (exitCode, _, error) = await CliRun.RunAsync("graph", Definition, "--execution", "storefront-web", "--state-file", world, "-o", drawnLater);

        Assert.True(exitCode == 0, error);
        Assert.Equal(File.ReadAllText(drawnByRun), File.ReadAllText(drawnLater));
        Assert.Contains("data-outcome=\"Caught\"", File.ReadAllText(drawnLater), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Graph_of_an_execution_refuses_a_missing_state_file_an_unknown_name_and_another_machines_execution()
    {
        var world = Path.Combine(directory, "world.json");
        var (runExit, _, runError) = await CliRun.WithTemplateAsync("run", RepositoryFiles.Example("batch-task.json"), "--state-file", world, "--json");
        Assert.True(runExit == 0, runError);
        var (teardownExit, _, teardownError) = await CliRun.WithTemplateAsync("teardown", "nightly-reconcile", "--state-file", world, "--json");
        Assert.True(teardownExit == 0, teardownError);
        var teardownName = JsonNodeOf(File.ReadAllText(world))["executions"]!.AsArray().Last()!["name"]!.GetValue<string>();
        var picture = Path.Combine(directory, "refused.svg");

        var noFile = await CliRun.RunAsync("graph", Definition, "--execution", "batch-task", "-o", picture);
        var unknown = await CliRun.RunAsync("graph", Definition, "--execution", "nope", "--state-file", world, "-o", picture);
        var otherMachine = await CliRun.RunAsync("graph", Definition, "--execution", teardownName, "--state-file", world, "-o", picture);

        Assert.Equal(2, noFile.ExitCode);
        Assert.StartsWith("--execution: needs the state file it was recorded in. Fix: add --state-file F", noFile.Error, StringComparison.Ordinal);
        Assert.Equal(2, unknown.ExitCode);
        Assert.StartsWith("--execution: no execution named 'nope' is recorded in world.json. Fix: name one of batch-task", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(2, otherMachine.ExitCode);
        Assert.StartsWith($"--execution: '{teardownName}' ran TeardownStateMachine, whose state BeginTeardown is not in provision.asl.json. Fix:", otherMachine.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(picture));
    }

    private static System.Text.Json.Nodes.JsonNode JsonNodeOf(string text) => System.Text.Json.Nodes.JsonNode.Parse(text)!;

    [Fact]
    public async Task The_checked_in_picture_of_provision_is_what_graph_draws_today()
    {
        var file = Path.Combine(directory, "provision.svg");

        await CliRun.RunAsync("graph", Definition, "-o", file);

        Assert.True(
            File.ReadAllText(Path.Combine(RepositoryFiles.Root, "docs", "provision.svg")) == File.ReadAllText(file),
            "docs/provision.svg is out of date: outpost-serverless graph statemachine/provision.asl.json -o docs/provision.svg (and -o docs/provision.png).");
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
