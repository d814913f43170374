using System.Text.Json.Nodes;

namespace OutpostServerless.Cli.Tests.States;

/// <summary><c>outpost-serverless states run</c> and <c>states validate</c> (issue item 7).</summary>
public sealed class StatesCommandTests
{
    private const string Greeter = """
        {"StartAt":"Greet","States":{
          "Greet":{"Type":"Pass","Parameters":{"greeting.$":"States.Format('Hello, {}!', $.name)"},"Next":"Pause"},
          "Pause":{"Type":"Wait","Seconds":3600,"End":true}}}
        """;

    private const string Ordering = """
        {"StartAt":"Charge","States":{
          "Charge":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"charge","Payload.$":"$"},
            "Retry":[{"ErrorEquals":["Lambda.TooManyRequestsException"],"IntervalSeconds":5}],"OutputPath":"$.Payload","End":true}}}
        """;

    private const string Mocks = """
        {"StateMachines":{"ordering":{"TestCases":{
           "Happy":{"Charge":"Charged"},
           "Throttled":{"Charge":"ThrottledThenCharged"},
           "Declined":{"Charge":"Declined"}}}},
         "MockedResponses":{
           "Charged":{"0":{"Return":{"StatusCode":200,"Payload":{"charged":true}}}},
           "ThrottledThenCharged":{"0-1":{"Throw":{"Error":"Lambda.TooManyRequestsException","Cause":"slow down"}},"2":{"Return":{"StatusCode":200,"Payload":{"charged":"eventually"}}}},
           "Declined":{"0":{"Throw":{"Error":"Payment.Declined","Cause":"card expired"}}}}}
        """;

    // The ordering machine with its Task state answered by one of the Mocks file's test cases.
    private static async Task<(int ExitCode, string Output, string Error)> RunOrderingAsync(string testCase, params string[] options)
    {
        using var definition = StatesCli.Write("ordering.asl.json", Ordering);
        using var mocks = StatesCli.Write("MockConfigFile.json", Mocks);
        return await StatesCli.RunAsync(["run", "--definition", definition.Path, "--mock-config", mocks.Path, "--test-case", testCase, .. options]);
    }

    [Fact]
    public async Task Run_prints_status_and_output_and_spends_no_real_time_on_a_one_hour_Wait()
    {
        using var definition = StatesCli.Write("greeter.asl.json", Greeter);

        var (exitCode, output, _) = await StatesCli.RunAsync("run", "--definition", definition.Path, "--input", """{"name":"Outpost"}""");

        Assert.Equal(0, exitCode);
        Assert.Contains("Status: SUCCEEDED", output, StringComparison.Ordinal);
        Assert.Contains("""Output: {"greeting":"Hello, Outpost!"}""", output, StringComparison.Ordinal);
        Assert.Contains("Duration: 01:00:00", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_reads_the_input_from_a_file_when_given_a_path()
    {
        using var definition = StatesCli.Write("greeter.asl.json", Greeter);
        using var input = StatesCli.Write("input.json", """{"name":"file"}""");

        var (_, output, _) = await StatesCli.RunAsync("run", "--definition", definition.Path, "--input", input.Path);

        Assert.Contains("Hello, file!", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_answers_Task_states_from_the_chosen_MockConfigFile_test_case()
    {
        var (exitCode, output, _) = await RunOrderingAsync("Throttled");

        Assert.Equal(0, exitCode);
        Assert.Contains("""Output: {"charged":"eventually"}""", output, StringComparison.Ordinal);
        Assert.Contains("Duration: 00:00:15", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_prints_error_and_cause_and_exits_1_when_the_execution_fails()
    {
        var (exitCode, output, _) = await RunOrderingAsync("Declined");

        Assert.Equal(1, exitCode);
        Assert.Contains("Status: FAILED", output, StringComparison.Ordinal);
        Assert.Contains("Error: Payment.Declined", output, StringComparison.Ordinal);
        Assert.Contains("Cause: card expired", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_with_json_prints_DescribeExecution_fields_and_the_history()
    {
        var (_, output, _) = await RunOrderingAsync("Happy", "--json", "--name", "first");

        var report = JsonNode.Parse(output)!;
        Assert.Equal("SUCCEEDED", report["status"]!.GetValue<string>());
        Assert.Equal("arn:aws:states:us-east-1:123456789012:execution:ordering:first", report["executionArn"]!.GetValue<string>());
        Assert.Equal("""{"charged":true}""", report["output"]!.GetValue<string>());
        var events = report["events"]!.AsArray();
        Assert.Equal("ExecutionStarted", events[0]!["type"]!.GetValue<string>());
        Assert.Equal("ExecutionSucceeded", events[^1]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Run_without_mocks_fails_naming_the_Task_state_that_nothing_answers()
    {
        using var definition = StatesCli.Write("ordering.asl.json", Ordering);

        var (exitCode, output, _) = await StatesCli.RunAsync("run", "--definition", definition.Path);

        Assert.Equal(1, exitCode);
        Assert.Contains("Error: States.Runtime", output, StringComparison.Ordinal);
        Assert.Contains("'Charge'", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_with_an_unknown_test_case_exits_2_naming_the_test_cases_the_file_has()
    {
        var (exitCode, _, error) = await RunOrderingAsync("Sad");

        Assert.Equal(2, exitCode);
        Assert.Contains("no test case 'Sad' (the file has: Happy, Throttled, Declined)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_refuses_a_mock_file_without_a_test_case()
    {
        using var definition = StatesCli.Write("ordering.asl.json", Ordering);
        using var mocks = StatesCli.Write("MockConfigFile.json", Mocks);

        var (exitCode, _, error) = await StatesCli.RunAsync("run", "--definition", definition.Path, "--mock-config", mocks.Path);

        Assert.Equal(2, exitCode);
        Assert.Contains("--mock-config and --test-case go together", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_refuses_input_that_is_neither_a_file_nor_JSON()
    {
        using var definition = StatesCli.Write("greeter.asl.json", Greeter);

        var (exitCode, _, error) = await StatesCli.RunAsync("run", "--definition", definition.Path, "--input", "{name:");

        Assert.Equal(2, exitCode);
        Assert.Contains("--input is neither a file nor valid JSON", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_accepts_the_provisioning_definition()
    {
        var (exitCode, output, _) = await StatesCli.RunAsync("validate", Path.Combine(RepositoryFiles.Root, "statemachine", "provision.asl.json"));

        Assert.Equal(0, exitCode);
        Assert.Contains("provision.asl.json: valid", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_lists_every_problem_with_its_state_and_field_and_exits_1()
    {
        using var definition = StatesCli.Write("broken.asl.json", """
            {"StartAt":"A","States":{"A":{"Type":"Pass","Next":"Nowhere"},"B":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:f","End":true,
              "Retry":[{"ErrorEquals":["States.ALL"]},{"ErrorEquals":["Oops"]}]}}}
            """);

        var (exitCode, output, _) = await StatesCli.RunAsync("validate", definition.Path);

        Assert.Equal(1, exitCode);
        Assert.Contains("State 'A': Next 'Nowhere' does not exist", output, StringComparison.Ordinal);
        Assert.Contains("State 'B': unreachable from StartAt 'A'", output, StringComparison.Ordinal);
        Assert.Contains("State 'B': Retry[0]: States.ALL must appear alone in ErrorEquals and only in the last Retrier", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_executes_a_JSONata_definition_with_variables()
    {
        using var definition = StatesCli.Write("jsonata.asl.json", """
            {"QueryLanguage":"JSONata","StartAt":"Remember","States":{
              "Remember":{"Type":"Pass","Assign":{"who":"{% $states.input.name %}"},"Next":"Greet"},
              "Greet":{"Type":"Pass","Output":{"greeting":"{% 'Hello, ' & $who & '!' %}"},"End":true}}}
            """);

        var (exitCode, output, _) = await StatesCli.RunAsync("run", "--definition", definition.Path, "--input", """{"name":"JSONata"}""");

        Assert.Equal(0, exitCode);
        Assert.Contains("""Output: {"greeting":"Hello, JSONata!"}""", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_refuses_a_JSONata_expression_that_reads_the_missing_context()
    {
        using var definition = StatesCli.Write("context.asl.json", """
            {"QueryLanguage":"JSONata","StartAt":"E","States":{"E":{"Type":"Pass","Output":{"v":"{% phone %}"},"End":true}}}
            """);

        var (exitCode, output, _) = await StatesCli.RunAsync("validate", definition.Path);

        Assert.Equal(1, exitCode);
        Assert.Contains("Reference to 'phone' at the top level is not supported.", output, StringComparison.Ordinal);
    }
}
