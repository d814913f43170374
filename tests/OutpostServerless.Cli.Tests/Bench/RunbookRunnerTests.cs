using System.Text.Json.Nodes;
using OutpostServerless.Cli.Bench;
using OutpostServerless.Cli.Bench.Runbook;

namespace OutpostServerless.Cli.Tests.Bench;

public sealed class RunbookRunnerTests
{
    private static readonly Uri Endpoint = new("http://127.0.0.1:4566");

    private static RunbookDocument Runbook(params RunbookStep[] steps) => RunbookFile.Check("test-runbook.json", new RunbookDocument
    {
        Files = new Dictionary<string, JsonNode?> { ["policy.json"] = new JsonObject { ["Version"] = "2012-10-17" }, ["userdata.txt"] = "#!/bin/bash\necho hi\n" },
        Steps = steps,
    });

    private static async Task<(RunbookRound Round, FakeProcessRunner Processes, List<TimeSpan> Waits)> RunAsync(RunbookDocument runbook, Func<IReadOnlyList<string>, int, ProcessOutcome> answer)
    {
        var calls = 0;
        var processes = new FakeProcessRunner((_, arguments) => answer(FakeProcessRunner.AwsArguments(arguments), calls++));
        var waits = new List<TimeSpan>();
        var round = await new RunbookRunner(runbook, new AwsCliProcess("/usr/bin/aws", Endpoint, "us-west-2", processes), waits.Add).RunAsync(TestContext.Current.CancellationToken);
        return (round, processes, waits);
    }

    [Fact]
    public async Task Commands_run_in_the_runbooks_order_each_given_the_outputs_of_earlier_steps()
    {
        var runbook = Runbook(
            new RunbookStep { Aws = ["ec2", "create-vpc", "--query", "Vpc.VpcId"], As = "vpc" },
            new RunbookStep { Aws = ["ec2", "create-subnet", "--vpc-id", "${vpc}", "--query", "Subnet.SubnetId"], As = "subnet" },
            new RunbookStep { Aws = ["ec2", "run-instances", "--subnet-id", "${subnet}", "--vpc-hint", "in ${vpc}/${subnet}"] });

        var (round, processes, _) = await RunAsync(runbook, (arguments, _) => FakeProcessRunner.Prints(arguments[1] switch
        {
            "create-vpc" => "vpc-0a",
            "create-subnet" => "subnet-0b",
            _ => "{}",
        }));

        Assert.Equal(
            [
                ["ec2", "create-vpc", "--query", "Vpc.VpcId"],
                ["ec2", "create-subnet", "--vpc-id", "vpc-0a", "--query", "Subnet.SubnetId"],
                ["ec2", "run-instances", "--subnet-id", "subnet-0b", "--vpc-hint", "in vpc-0a/subnet-0b"],
            ],
            processes.Started.Select(s => FakeProcessRunner.AwsArguments(s.Arguments)));
        Assert.Equal(3, round.Commands);
        // Kept outputs are read as the text of the --query, everything else as JSON; always at the emulator's endpoint.
        Assert.Equal(["text", "text", "json"], processes.Started.Select(s => s.Arguments[^1]));
        Assert.All(processes.Started, s => Assert.Equal("http://127.0.0.1:4566", s.Arguments[s.Arguments.Count - 3]));
    }

    [Fact]
    public async Task The_runbooks_files_are_where_its_file_references_read_them()
    {
        var runbook = Runbook(new RunbookStep { Aws = ["iam", "create-role", "--assume-role-policy-document", "file://policy.json"] });

        var (_, processes, _) = await RunAsync(runbook, (_, _) => FakeProcessRunner.Prints("{}"));

        var files = Assert.Single(processes.Started).Files;
        Assert.Equal("""{"Version":"2012-10-17"}""", files["policy.json"]);
        Assert.Equal("#!/bin/bash\necho hi\n", files["userdata.txt"]);
    }

    [Fact]
    public async Task A_failing_command_stops_the_runbook_with_its_error_output_and_nothing_after_it_runs()
    {
        var runbook = Runbook(
            new RunbookStep { Aws = ["ecs", "create-cluster", "--cluster-name", "demo"] },
            new RunbookStep { Say = "Launch.", Aws = ["ec2", "run-instances", "--count", "2"] },
            new RunbookStep { Aws = ["ecs", "create-service"] });

        var failed = await Assert.ThrowsAsync<RunbookCommandFailedException>(() => RunAsync(runbook, (arguments, _) => arguments[1] == "run-instances"
            ? new ProcessOutcome(254, string.Empty, "An error occurred (InsufficientInstanceCapacity) when calling the RunInstances operation\n")
            : FakeProcessRunner.Prints("{}")));

        Assert.Equal(1, failed.Step);
        Assert.Equal(
            "Runbook step 2 (Launch.) failed: aws ec2 run-instances --count 2: exit code 254: An error occurred (InsufficientInstanceCapacity) when calling the RunInstances operation",
            failed.Message);
    }

    [Fact]
    public async Task A_command_that_prints_nothing_to_keep_fails_its_step()
    {
        var runbook = Runbook(
            new RunbookStep { Aws = ["ssm", "get-parameter", "--name", "/ami", "--query", "Parameter.Value"], As = "ami" },
            new RunbookStep { Aws = ["ec2", "run-instances", "--image-id", "${ami}"] });

        var failed = await Assert.ThrowsAsync<RunbookCommandFailedException>(() => RunAsync(runbook, (_, _) => FakeProcessRunner.Prints("None")));

        Assert.Equal(0, failed.Step);
        Assert.Contains("printed nothing to keep as ${ami}", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wait_polls_until_the_awaited_value_moving_the_worlds_clock_between_polls_and_never_the_wall_clock()
    {
        var runbook = Runbook(
            new RunbookStep { SleepSeconds = 15 },
            new RunbookStep { Aws = ["ecs", "list-container-instances", "--query", "length(containerInstanceArns)"], Until = "2", PollSeconds = 15, MaxAttempts = 40 });

        var (round, processes, waits) = await RunAsync(runbook, (_, call) => FakeProcessRunner.Prints(call < 2 ? "0" : "2"));

        Assert.Equal(3, processes.Started.Count);
        Assert.Equal([TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(15)], waits);
        Assert.Equal(TimeSpan.FromSeconds(45), round.Waited);
        Assert.True(round.Elapsed < TimeSpan.FromSeconds(15), $"took {round.Elapsed}: waits must cost virtual time only");
    }

    [Fact]
    public async Task A_wait_that_never_sees_its_value_fails_after_its_last_attempt()
    {
        var runbook = Runbook(new RunbookStep { Aws = ["ecs", "describe-services", "--query", "length(services)"], Until = "0", PollSeconds = 15, MaxAttempts = 3 });

        var failed = await Assert.ThrowsAsync<RunbookCommandFailedException>(() => RunAsync(runbook, (_, _) => FakeProcessRunner.Prints("1")));

        Assert.Contains("still printed '1', not '0', after 3 polls 15 s apart", failed.Message, StringComparison.Ordinal);
    }
}
