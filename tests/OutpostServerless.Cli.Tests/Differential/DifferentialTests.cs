using OutpostServerless.StateMachine;

namespace OutpostServerless.Cli.Tests.Differential;

/// <summary>
/// Issue item "differential suite": every definition + input of statemachine/differential runs through our
/// engine and through moto's ASL interpreter; status, output, error and cause must agree, except where
/// known-differences.json records a disagreement judged to be moto's fault, with the AWS source for it.
/// Where moto_server is absent the comparisons are skipped with the reason — under CI they fail.
/// </summary>
public sealed class DifferentialTests(MotoDifferentialRun moto, ITestOutputHelper output) : IClassFixture<MotoDifferentialRun>
{
    private static readonly DateTimeOffset Epoch = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] ComparedFields = ["status", "output", "error", "cause"];

    public static TheoryData<string> Executions => new(DifferentialCorpus.Cases.Select(c => c.Id));

    [Theory]
    [MemberData(nameof(Executions))]
    public async Task Our_engine_and_motos_interpreter_agree_on_status_output_error_and_cause(string id)
    {
        var theirs = moto.OutcomeOf(id);
        var run = DifferentialCorpus.Cases.Single(c => c.Id == id);
        var ours = await RunOursAsync(run);
        var differences = ours.DifferencesFrom(theirs);
        var known = DifferentialCorpus.KnownDifferences.SingleOrDefault(d => d.Id == id);

        if (known is null)
        {
            Assert.True(differences.Count == 0, $"{id} differs in {string.Join(", ", differences)}:\n  ours: {ours}\n  moto: {theirs}");
            return;
        }

        output.WriteLine($"Known difference in {string.Join(", ", known.Fields)}: {known.Reason} ({known.Aws})\n  ours: {ours}\n  moto: {theirs}");
        Assert.True(
            differences.All(known.Fields.Contains),
            $"{id} differs in {string.Join(", ", differences)} but known-differences.json lists only {string.Join(", ", known.Fields)}:\n  ours: {ours}\n  moto: {theirs}");
        Assert.True(differences.Count > 0, $"{id} is listed in known-differences.json but the engines now agree: remove the entry.");
    }

    [Fact]
    public void Every_known_difference_names_an_execution_of_the_corpus_a_reason_and_an_AWS_source()
    {
        var ids = DifferentialCorpus.Cases.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);

        Assert.All(DifferentialCorpus.KnownDifferences, difference =>
        {
            Assert.Contains(difference.Id, ids);
            Assert.NotEmpty(difference.Fields);
            Assert.All(difference.Fields, field => Assert.Contains(field, ComparedFields));
            Assert.False(string.IsNullOrWhiteSpace(difference.Reason));
            Assert.Contains("https://", difference.Aws, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void The_corpus_covers_every_state_type_but_Task()
    {
        var types = DifferentialCorpus.Cases
            .SelectMany(c => StateMachineDefinition.Parse(c.Definition).States)
            .Select(s => s.Type)
            .ToHashSet(StringComparer.Ordinal);

        Assert.Equal(["Choice", "Fail", "Map", "Parallel", "Pass", "Succeed", "Wait"], types.Order(StringComparer.Ordinal));
    }

    private static async Task<EngineOutcome> RunOursAsync(DifferentialCase run)
    {
        var runner = new StateMachineRunner(StateMachineDefinition.Parse(run.Definition), new NoTasks(), new VirtualClock(Epoch));
        var result = await runner.RunAsync(run.Input?.DeepClone(), new ExecutionOptions { ExecutionName = "run", Jitter = new Random(1) }, CancellationToken.None);
        return new EngineOutcome(
            result.Status,
            result.Status == ExecutionStatus.Succeeded ? result.Output?.ToJsonString() ?? "null" : null,
            result.Error,
            result.Cause);
    }

    /// <summary>The corpus has no Task states (moto would need real services for them).</summary>
    private sealed class NoTasks : ITaskInvoker
    {
        public Task<TaskOutcome> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken) =>
            throw new InvalidOperationException($"The differential corpus must not contain Task states ({invocation.StateName}).");
    }
}
