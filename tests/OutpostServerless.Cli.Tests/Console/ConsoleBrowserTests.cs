using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using OutpostServerless.Cli.Tests.Serve;
using OutpostServerless.Provisioning.Tagging;
using static Microsoft.Playwright.Assertions;
using OutpostServerless.Local.Graph;
using OutpostServerless.Local.StepFunctions;

namespace OutpostServerless.Cli.Tests.Console;

/// <summary>
/// The local console in a real headless Chromium, on <c>serve</c>'s world (virtual clock: a provisioning takes about
/// a second). What the page shows is checked against the local Step Functions service and the emulated account it reads.
/// </summary>
public sealed class ConsoleBrowserTests(HeadlessChromium chromium, ITestOutputHelper output) : IClassFixture<HeadlessChromium>
{
    private static readonly TimeSpan Finishing = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Starting_a_provisioning_from_the_console_draws_its_path_coloured_and_lists_its_resources()
    {
        var page = await chromium.NewPageAsync();
        await using var api = await ServedApi.StartAsync();

        await page.GotoAsync(ConsoleUrl(api));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Executions" })).ToBeVisibleAsync();
        var firstPaint = await page.EvaluateAsync<double>("() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1");
        await page.GetByLabel("Example request").SelectOptionAsync(new SelectOptionValue { Label = "web-service" });
        await page.GetByLabel("Execution name").FillAsync("storefront-from-console");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start execution" }).ClickAsync();

        await Expect(page.Locator("#execution-title .badge")).ToHaveTextAsync("SUCCEEDED", new() { Timeout = (float)Finishing.TotalMilliseconds });
        var graphRender = await page.EvaluateAsync<double>("() => performance.getEntriesByName('graph-render')[0]?.duration ?? -1");
        var arn = api.StepFunctions.Executions.Single().ExecutionArn;
        Assert.EndsWith(":storefront-from-console", arn, StringComparison.Ordinal);
        var drawn = await OutcomesDrawnAsync(page);
        Assert.Equal(OutcomesOf(api.StepFunctions, arn), drawn);
        Assert.Equal((nameof(StateOutcome.Succeeded), nameof(StateOutcome.Succeeded), nameof(StateOutcome.NotRun)), (drawn["ValidateRequest"], drawn["Provisioned"], drawn["RollbackOrRetain"]));
        Assert.Contains(nameof(StateOutcome.Retried), drawn.Values); // the launch waits out IAM's propagation, as on AWS
        Assert.Equal("#1d8102", await page.Locator("#graph g[data-state='Provisioned'] rect").GetAttributeAsync("stroke"));

        var made = api.StepFunctions.Cloud.ResourcesTagged(ProvisioningTags.ProvisioningIdKey, "storefront-web").Select(r => r.Id).Order(StringComparer.Ordinal).ToList();
        var listed = (await page.Locator("#resources tbody td.id").AllTextContentsAsync()).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(made);
        Assert.Equal(made, listed);
        Assert.Contains(listed, id => id.StartsWith("vpc-", StringComparison.Ordinal));

        // A retried state, picked in the graph: its details show the last attempt's error, as the history has it.
        var launch = ExecutionPath.Of(api.StepFunctions.History(arn), "SUCCEEDED").Visits.Single(v => v.Name == "LaunchContainerInstances");
        await page.Locator("#graph g[data-state='LaunchContainerInstances']").ClickAsync();
        await Expect(page.Locator("#step-title")).ToHaveTextAsync("Step details: LaunchContainerInstances");
        await Expect(page.Locator("#step-error")).ToHaveTextAsync(launch.Error!);
        await Expect(page.Locator("#step-summary")).ToContainTextAsync($"Retries{launch.Retries}");

        await page.SetViewportSizeAsync(1440, 1500); // tall enough for most of the graph (docs/console.png is this picture)
        await page.ScreenshotAsync(new() { Path = Path.Combine(HeadlessChromium.Artifacts, "provisioning.png") });
        await page.ScreenshotAsync(new() { Path = Path.Combine(HeadlessChromium.Artifacts, "provisioning-full.png"), FullPage = true });
        var timings = $"console first paint {firstPaint:0} ms; provision.asl.json graph rendered {graphRender:0} ms after the execution was requested";
        output.WriteLine(timings);
        await File.WriteAllTextAsync(Path.Combine(HeadlessChromium.Artifacts, "timings.txt"), timings + Environment.NewLine);
        Assert.InRange(firstPaint, 0, 10_000);
        Assert.InRange(graphRender, 0, 10_000);
    }

    [Fact]
    public async Task A_failed_execution_found_by_the_status_filter_shows_its_failing_state_and_error()
    {
        var page = await chromium.NewPageAsync();
        await using var api = await ServedApi.StartAsync();
        var provision = api.StepFunctions.StateMachines.Single(m => m.Name.EndsWith("-provision", StringComparison.Ordinal)).Arn;
        await api.StepFunctions.WhenStoppedAsync(api.StepFunctions.StartExecution(provision, "nightly-ok", ServedApi.Example("batch-task.json")).ExecutionArn, CancellationToken.None);
        var failing = ServedApi.Example("web-service.json");
        // ECS refuses the service once: the workload step fails, the catch rolls back, the execution fails.
        api.StepFunctions.Cloud.InjectFault("ecs:CreateService", "InvalidParameterException", "Injected by the console test.", 1);
        var failed = await api.StepFunctions.WhenStoppedAsync(api.StepFunctions.StartExecution(provision, "storefront-fails", failing).ExecutionArn, CancellationToken.None);
        Assert.Equal("FAILED", failed.Status);

        await page.GotoAsync(ConsoleUrl(api));
        await Expect(page.Locator("#executions tbody tr")).ToHaveCountAsync(2);
        await page.GetByLabel("Show executions with status").SelectOptionAsync("FAILED");
        await Expect(page.Locator("#executions tbody tr")).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Link, new() { Name = "storefront-fails" }).ClickAsync();

        await Expect(page.Locator("#execution-title .badge")).ToHaveTextAsync("FAILED");
        var drawn = await OutcomesDrawnAsync(page);
        Assert.Equal(OutcomesOf(api.StepFunctions, failed.ExecutionArn), drawn);
        var failingState = Assert.Single(drawn, d => d.Value == nameof(StateOutcome.Failed)).Key;
        Assert.Contains(nameof(StateOutcome.Caught), drawn.Values);
        Assert.Equal("#d13212", await page.Locator($"#graph g[data-state='{failingState}'] rect").GetAttributeAsync("stroke"));
        // The failing state is selected for the reader: its details show the error DescribeExecution reports.
        await Expect(page.Locator("#step-title")).ToHaveTextAsync($"Step details: {failingState}");
        await Expect(page.Locator("#step-error")).ToHaveTextAsync(failed.Error!);
        Assert.Equal("InvalidParameterException", failed.Error);
        await page.ScreenshotAsync(new() { Path = Path.Combine(HeadlessChromium.Artifacts, "failed.png") });
    }

    [Fact]
    public async Task Every_control_is_labelled_and_the_graph_is_worked_with_the_keyboard_alone()
    {
        var page = await chromium.NewPageAsync();
        await using var api = await ServedApi.StartAsync();
        var provision = api.StepFunctions.StateMachines.Single(m => m.Name.EndsWith("-provision", StringComparison.Ordinal)).Arn;
        var done = await api.StepFunctions.WhenStoppedAsync(api.StepFunctions.StartExecution(provision, "storefront-keys", ServedApi.Example("web-service.json")).ExecutionArn, CancellationToken.None);

        await page.GotoAsync(ConsoleUrl(api));
        await Expect(page.Locator("#executions tbody tr")).ToHaveCountAsync(1);
        Assert.Equal(0, await page.EvaluateAsync<int>("() => [...document.querySelectorAll('input, select, textarea')].filter(c => c.labels.length === 0).length"));
        var reached = new List<string>();
        while (reached.Count < 15 && reached.LastOrDefault() != "storefront-keys")
        {
            await page.Keyboard.PressAsync("Tab");
            reached.Add(await page.EvaluateAsync<string>("() => document.activeElement.id || document.activeElement.textContent.trim()"));
        }

        Assert.Equal(["Skip to content", "OutpostServerless local console", "machine", "example", "execution-name", "request", "start", "status-filter", "storefront-keys"], reached);
        await page.Keyboard.PressAsync("Enter"); // the focused link: the execution

        await Expect(page.Locator("#execution-title .badge")).ToHaveTextAsync(done.Status);
        string? focused = null;
        for (var press = 0; press < 10 && focused is null; press++)
        {
            await page.Keyboard.PressAsync("Tab");
            focused = await page.EvaluateAsync<string?>("() => document.activeElement.dataset?.state ?? null");
        }

        Assert.Equal("ValidateRequest", focused);
        await page.Keyboard.PressAsync("ArrowDown");
        var next = await page.EvaluateAsync<string?>("() => document.activeElement.dataset?.state ?? null");
        Assert.NotNull(next);
        Assert.NotEqual(focused, next);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#step-title")).ToHaveTextAsync($"Step details: {next}");
        await Expect(page.Locator($"#graph g[data-state='{next}']")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(page.Locator($"#states tr[data-state='{next}']")).ToHaveClassAsync("selected");
    }

    [Fact]
    public async Task Tearing_down_from_the_console_runs_the_teardown_state_machine_and_empties_the_resource_table()
    {
        var page = await chromium.NewPageAsync();
        await using var api = await ServedApi.StartAsync();
        var provision = api.StepFunctions.StateMachines.Single(m => m.Name.EndsWith("-provision", StringComparison.Ordinal)).Arn;
        var provisioned = await api.StepFunctions.WhenStoppedAsync(api.StepFunctions.StartExecution(provision, "storefront", ServedApi.Example("web-service.json")).ExecutionArn, CancellationToken.None);
        Assert.NotEmpty(api.StepFunctions.Cloud.ResourcesTagged(ProvisioningTags.ProvisioningIdKey, "storefront-web"));

        await page.GotoAsync(ConsoleUrl(api) + "#/executions/" + Uri.EscapeDataString(provisioned.ExecutionArn));
        await page.GetByRole(AriaRole.Button, new() { Name = "Tear down provisioning storefront-web" }).ClickAsync();

        await Expect(page.Locator("#execution-title .badge")).ToHaveTextAsync("SUCCEEDED", new() { Timeout = (float)Finishing.TotalMilliseconds });
        var teardown = Assert.Single(api.StepFunctions.Executions, e => e.StateMachineArn != provision);
        Assert.EndsWith("-teardown", teardown.StateMachineArn, StringComparison.Ordinal);
        await Expect(page.Locator("#resources tbody")).ToHaveTextAsync("None in the emulated account.");
        Assert.Empty(api.StepFunctions.Cloud.ResourcesTagged(ProvisioningTags.ProvisioningIdKey, "storefront-web"));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Tear down provisioning storefront-web" })).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Axe_finds_no_WCAG_2_A_or_AA_violation_on_the_executions_list_or_on_a_failed_execution()
    {
        var page = await chromium.NewPageAsync();
        await using var api = await ServedApi.StartAsync();
        var provision = api.StepFunctions.StateMachines.Single(m => m.Name.EndsWith("-provision", StringComparison.Ordinal)).Arn;
        api.StepFunctions.Cloud.InjectFault("ecs:CreateService", "InvalidParameterException", "Injected by the console test.", 1);
        var failed = await api.StepFunctions.WhenStoppedAsync(api.StepFunctions.StartExecution(provision, "storefront-fails", ServedApi.Example("web-service.json")).ExecutionArn, CancellationToken.None);
        // axe-core 4.14, bundled in Deque.AxeCore.Playwright and run inside the page: contrast, labels, roles, names.
        var wcag = new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } };

        await page.GotoAsync(ConsoleUrl(api));
        await Expect(page.Locator("#executions tbody tr")).ToHaveCountAsync(1);
        var list = await page.RunAxe(wcag);
        await page.GotoAsync(ConsoleUrl(api) + "#/executions/" + Uri.EscapeDataString(failed.ExecutionArn));
        await Expect(page.Locator("#step-error")).ToHaveTextAsync(failed.Error!);
        var execution = await page.RunAxe(wcag);

        Assert.Equal([], Described(list));
        Assert.Equal([], Described(execution));
        Assert.NotEmpty(execution.Passes);
    }

    private static List<string> Described(AxeResult result) =>
        [.. result.Violations.Select(v => $"{v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")];

    private static string ConsoleUrl(ServedApi api) => new Uri(api.Server.BaseAddress, "_console/").ToString();

    private static async Task<Dictionary<string, string>> OutcomesDrawnAsync(IPage page) =>
        await page.EvaluateAsync<Dictionary<string, string>>("() => Object.fromEntries([...document.querySelectorAll('#graph g[data-state]')].map(g => [g.dataset.state, g.dataset.outcome]))");

    /// <summary>The outcome of every top-level state as the service's history says: what the graph must show.</summary>
    private static Dictionary<string, string> OutcomesOf(LocalStepFunctions stepFunctions, string executionArn)
    {
        var execution = stepFunctions.DescribeExecution(executionArn);
        var path = ExecutionPath.Of(stepFunctions.History(executionArn), execution.Status);
        var machine = stepFunctions.DescribeStateMachine(execution.StateMachineArn);
        return machine.Workflow.Definition.States.Where(s => s.Parent is null).ToDictionary(s => s.Name, s => path.OutcomeOf(s.Name).ToString(), StringComparer.Ordinal);
    }
}
