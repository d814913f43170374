using System.Text.Json.Nodes;
using OutpostServerless.Cli.Bench.Runbook;

namespace OutpostServerless.Cli.Tests.Bench;

public sealed class RunbookFileTests
{
    private static string CheckedIn => Path.Combine(RepositoryFiles.Root, RunbookFile.DefaultRelativePath);

    [Fact]
    public void The_checked_in_runbook_makes_what_the_guide_makes_for_the_request_run_provisions()
    {
        var runbook = RunbookFile.Load(CheckedIn);

        Assert.True(File.Exists(Path.Combine(RepositoryFiles.Root, runbook.Request!)), $"{runbook.Request} is not in the repository");
        var commands = runbook.Steps.Where(s => s.Aws is not null).Select(s => $"{s.Aws![0]} {s.Aws[1]}").ToList();
        // The guide's order: subnet (after its VPC), IAM role and instance profile, security group, cluster, instances, task definition, service.
        string[] guide = ["ec2 create-subnet", "iam create-role", "iam create-instance-profile", "ec2 create-security-group", "ecs create-cluster", "ec2 run-instances", "ecs register-task-definition", "ecs create-service"];
        Assert.Equal(guide, commands.Where(guide.Contains));
        Assert.Contains("ECS_IMAGE_PULL_BEHAVIOR=prefer-cached", runbook.Files["userdata.txt"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_reference_to_an_output_no_earlier_step_keeps_is_refused_naming_the_field_and_the_fix()
    {
        var runbook = new RunbookDocument
        {
            Steps =
            [
                new RunbookStep { Aws = ["ec2", "create-subnet", "--vpc-id", "${vpc}"] },
                new RunbookStep { Aws = ["ec2", "create-vpc", "--query", "Vpc.VpcId"], As = "vpc" },
            ],
        };

        var refused = Assert.Throws<RunbookFileException>(() => RunbookFile.Check("r.json", runbook));

        Assert.Equal("r.json: steps[0].aws[3]: ${vpc} is not the output of an earlier step. Fix: add \"as\": \"vpc\" to the step that makes it, before this one.", refused.Message);
    }

    [Fact]
    public void A_file_reference_the_runbook_does_not_hold_is_refused()
    {
        var runbook = new RunbookDocument
        {
            Files = new Dictionary<string, JsonNode?> { ["ecs-task.json"] = new JsonObject() },
            Steps = [new RunbookStep { Aws = ["iam", "create-role", "--assume-role-policy-document", "file://ecs-policy.json"] }],
        };

        var refused = Assert.Throws<RunbookFileException>(() => RunbookFile.Check("r.json", runbook));

        Assert.Equal("r.json: steps[0].aws[3]: file://ecs-policy.json is not in files. Fix: add files.ecs-policy.json.", refused.Message);
    }

    [Fact]
    public void A_wait_without_its_poll_interval_is_refused()
    {
        var runbook = new RunbookDocument { Steps = [new RunbookStep { Aws = ["ecs", "describe-services"], Until = "0" }] };

        var refused = Assert.Throws<RunbookFileException>(() => RunbookFile.Check("r.json", runbook));

        Assert.StartsWith("r.json: steps[0]: until, pollSeconds and maxAttempts go together.", refused.Message, StringComparison.Ordinal);
    }
}
