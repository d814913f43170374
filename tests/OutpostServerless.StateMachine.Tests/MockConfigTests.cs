using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Tests.Support;

namespace OutpostServerless.StateMachine.Tests;

/// <summary>AWS Step Functions Local's MockConfigFile format ("Configuration file for mocked service integrations").</summary>
public sealed class MockConfigTests
{
    private const string Invoke = "arn:aws:states:::lambda:invoke";

    // The example of the AWS documentation (sfn-local-mock-cfg-file), unchanged.
    private const string AwsExample = """
        {
          "StateMachines":{
            "LambdaSQSIntegration":{
              "TestCases":{
                "HappyPath":{"LambdaState":"MockedLambdaSuccess","SQSState":"MockedSQSSuccess"},
                "RetryPath":{"LambdaState":"MockedLambdaRetry","SQSState":"MockedSQSSuccess"},
                "HybridPath":{"LambdaState":"MockedLambdaSuccess"}
              }
            }
          },
          "MockedResponses":{
            "MockedLambdaSuccess":{"0":{"Return":{"StatusCode":200,"Payload":{"StatusCode":200,"body":"Hello from Lambda!"}}}},
            "LambdaMockedResourceNotReady":{"0":{"Throw":{"Error":"Lambda.ResourceNotReadyException","Cause":"Lambda resource is not ready."}}},
            "MockedSQSSuccess":{"0":{"Return":{"MD5OfMessageBody":"3bcb6e8e-7h85-4375-b0bc-1a59812c6e51","MessageId":"3bcb6e8e-8b51-4375-b0bc-1a59812c6e51"}}},
            "MockedLambdaRetry":{
              "0":{"Throw":{"Error":"Lambda.ResourceNotReadyException","Cause":"Lambda resource is not ready."}},
              "1-2":{"Throw":{"Error":"Lambda.TimeoutException","Cause":"Lambda timed out."}},
              "3":{"Return":{"StatusCode":200,"Payload":{"StatusCode":200,"body":"Hello from Lambda!"}}}
            }
          }
        }
        """;

    // The state machine of that documentation page, reduced to its two tasks.
    private const string LambdaSqs = $$"""
        {"StartAt":"LambdaState","States":{
          "LambdaState":{"Type":"Task","Resource":"{{Invoke}}","Parameters":{"FunctionName":"HelloWorld","Payload.$":"$"},
            "Retry":[{"ErrorEquals":["States.ALL"],"IntervalSeconds":2,"MaxAttempts":3,"BackoffRate":2}],"Next":"SQSState"},
          "SQSState":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage","Parameters":{"QueueUrl":"q","MessageBody.$":"$"},"End":true} } }
        """;

    private static Machine Mocked(string definition, string testCase, ITaskInvoker? unmocked = null)
    {
        var mocks = MockConfig.Parse(AwsExample).TestCase("LambdaSQSIntegration", testCase);
        return new Machine(definition, new MockedTaskInvoker(mocks, unmocked));
    }

    [Fact]
    public async Task A_mocked_Return_is_the_task_result_as_is_without_Invoke_wrapping()
    {
        var machine = Mocked(LambdaSqs, "HappyPath");

        var result = await machine.RunAsync();

        var lambdaExit = result.History.First(e => e.Type == HistoryEventTypes.TaskStateExited);
        JsonAssert.Equal("""{"StatusCode":200,"Payload":{"StatusCode":200,"body":"Hello from Lambda!"}}""", JsonNode.Parse(lambdaExit.Details!["output"]!.GetValue<string>()));
        JsonAssert.Equal("""{"MD5OfMessageBody":"3bcb6e8e-7h85-4375-b0bc-1a59812c6e51","MessageId":"3bcb6e8e-8b51-4375-b0bc-1a59812c6e51"}""", result.Output);
    }

    [Fact]
    public async Task Invocation_keys_and_ranges_answer_each_retry_in_turn()
    {
        var machine = Mocked(LambdaSqs, "RetryPath");

        var result = await machine.RunAsync();

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal(
            ["Lambda.ResourceNotReadyException", "Lambda.TimeoutException", "Lambda.TimeoutException"],
            result.History.Where(e => e.Type == HistoryEventTypes.TaskFailed).Select(e => e.Error));
        Assert.Equal(TimeSpan.FromSeconds(2 + 4 + 8), result.Duration);
    }

    [Fact]
    public async Task A_Task_the_test_case_does_not_mock_fails_the_execution_naming_the_state()
    {
        var machine = Mocked(LambdaSqs, "HybridPath");

        var result = await machine.RunAsync();

        Assert.Equal(StatesErrorNames.Runtime, result.Error);
        Assert.Contains("'SQSState' has no mocked response in test case 'HybridPath'", result.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Task_the_test_case_does_not_mock_goes_to_the_fallback_invoker_when_there_is_one()
    {
        var real = new FakeTaskInvoker(TimeProvider.System).Returns("arn:aws:states:::sqs:sendMessage", JsonNode.Parse("""{"MessageId":"real"}"""));
        var machine = Mocked(LambdaSqs, "HybridPath", real);

        var result = await machine.RunAsync();

        JsonAssert.Equal("""{"MessageId":"real"}""", result.Output);
        Assert.Equal("SQSState", real.Invocations.Single().StateName);
    }

    [Fact]
    public async Task Running_out_of_mocked_responses_fails_the_execution_naming_the_state_and_attempt()
    {
        var always = MockConfig.Parse("""
            {"StateMachines":{"M":{"TestCases":{"T":{"LambdaState":"Fails"}}}},
             "MockedResponses":{"Fails":{"0-1":{"Throw":{"Error":"Lambda.TooManyRequestsException"}}}}}
            """).TestCase("M", "T");
        var machine = new Machine(LambdaSqs, new MockedTaskInvoker(always));

        var result = await machine.RunAsync();

        Assert.Equal(StatesErrorNames.Runtime, result.Error);
        Assert.Contains("'LambdaState' has no mocked response for attempt 2", result.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_visit_of_a_state_starts_again_at_attempt_0()
    {
        var mocks = MockConfig.Parse("""
            {"StateMachines":{"M":{"TestCases":{"T":{"Poll":"ThrottledOnce"}}}},
             "MockedResponses":{"ThrottledOnce":{"0":{"Throw":{"Error":"Busy"}},"1":{"Return":{"done":false}}}}}
            """).TestCase("M", "T");
        var machine = new Machine("""
            {"StartAt":"Poll","States":{
              "Poll":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Retry":[{"ErrorEquals":["Busy"]}],"ResultPath":"$.poll","Next":"Again"},
              "Again":{"Type":"Choice","Choices":[{"Variable":"$.round","NumericEquals":1,"Next":"Done"}],"Default":"Count"},
              "Count":{"Type":"Pass","Result":1,"ResultPath":"$.round","Next":"Poll"},
              "Done":{"Type":"Succeed"}}}
            """, new MockedTaskInvoker(mocks));

        var result = await machine.RunAsync("""{"round":0}""");

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal(2, result.History.Count(e => e.Type == HistoryEventTypes.TaskFailed));
    }

    [Fact]
    public async Task Attempts_count_per_execution_so_each_execution_starts_at_0()
    {
        var machine = Mocked(LambdaSqs, "RetryPath");

        var first = await machine.RunAsync(executionName: "one");
        var second = await machine.RunAsync(executionName: "two");

        Assert.Equal((ExecutionStatus.Succeeded, ExecutionStatus.Succeeded), (first.Status, second.Status));
    }

    [Fact]
    public async Task A_mocked_waitForTaskToken_task_ends_with_the_mocked_result_without_a_callback()
    {
        var mocks = MockConfig.Parse("""
            {"StateMachines":{"M":{"TestCases":{"T":{"Approve":"Approved"}}}},
             "MockedResponses":{"Approved":{"0":{"Return":{"approved":true}}}}}
            """).TestCase("M", "T");
        var machine = new Machine("""
            {"StartAt":"Approve","States":{"Approve":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
              "Parameters":{"MessageBody":{"token.$":"$$.Task.Token"}},"TimeoutSeconds":60,"End":true}}}
            """, new MockedTaskInvoker(mocks));

        var result = await machine.RunAsync();

        JsonAssert.Equal("""{"approved":true}""", result.Output);
    }

    [Theory]
    [InlineData("""{"StateMachines":{},"MockedResponses":{"R":{"first":{"Return":1}}}}""", "MockedResponses.R[\"first\"]: the key must be an invocation number")]
    [InlineData("""{"StateMachines":{},"MockedResponses":{"R":{"0":{"Return":1},"2":{"Return":2}}}}""", "MockedResponses.R: invocations must be numbered consecutively from 0: expected 1 next, found 2")]
    [InlineData("""{"StateMachines":{},"MockedResponses":{"R":{"0":{"Return":1,"Throw":{"Error":"E"}}}}}""", "MockedResponses.R[\"0\"]: must have exactly one field, Return or Throw")]
    [InlineData("""{"StateMachines":{},"MockedResponses":{"R":{"0":{"Throw":{"Cause":"no error"}}}}}""", "MockedResponses.R[\"0\"].Throw: Error is required")]
    [InlineData("""{"StateMachines":{"M":{"TestCases":{"T":{"S":"Missing"}}}},"MockedResponses":{}}""", "StateMachines.M.TestCases.T.S: MockedResponses has no entry 'Missing'")]
    [InlineData("""{"StateMachines":{"M":{}}}""", "StateMachines.M.TestCases: TestCases must be a JSON object")]
    [InlineData("""{"StateMachines":""", "The mock configuration is not valid JSON")]
    public void A_malformed_mock_file_is_rejected_saying_where(string json, string expected)
    {
        var error = Assert.Throws<MockConfigException>(() => MockConfig.Parse(json));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Asking_for_a_test_case_the_file_lacks_names_the_ones_it_has()
    {
        var config = MockConfig.Parse(AwsExample);

        var error = Assert.Throws<MockConfigException>(() => config.TestCase("LambdaSQSIntegration", "SadPath"));

        Assert.Contains("no test case 'SadPath' (the file has: HappyPath, RetryPath, HybridPath)", error.Message, StringComparison.Ordinal);
    }
}
