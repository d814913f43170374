using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Tests.Support;

namespace OutpostServerless.StateMachine.Tests;

/// <summary>
/// TestState: one state, once, through the same state code executions run. The expected answers are AWS's own,
/// as recorded against AWS in LocalStack's TestState snapshot tests
/// (tests/aws/services/stepfunctions/v2/test_state/*.snapshot.json) and described in the TestState API reference.
/// </summary>
public sealed class TestStateTests
{
    private const string Fn = "arn:aws:lambda:us-west-2:123456789012:function:CheckCapacity";
    private const string Invoke = "arn:aws:states:::lambda:invoke";
    private const string Role = "arn:aws:iam::123456789012:role/tester";

    private readonly VirtualClock clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly FakeTaskInvoker tasks;

    public TestStateTests() => tasks = new FakeTaskInvoker(clock);

    private Task<StateTestResult> TestAsync(string definition, string input, InspectionLevel level = InspectionLevel.Debug, Func<StateTest, StateTest>? with = null)
    {
        var test = new StateTest { Definition = definition, Input = JsonNode.Parse(input), InspectionLevel = level, RoleArn = Role };
        return new StateTester(tasks, clock).TestAsync(with?.Invoke(test) ?? test, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_Pass_state_at_INFO_shows_its_output_and_status_only()
    {
        var result = await TestAsync("""{"Type":"Pass","End":true}""", """{"Value":"HelloWorld"}""", InspectionLevel.Info);

        Assert.Equal(StateTestStatus.Succeeded, result.Status);
        JsonAssert.Equal("""{"Value":"HelloWorld"}""", JsonNode.Parse(result.Output!));
        Assert.Null(result.NextState);
        Assert.Null(result.Inspection);
    }

    [Fact]
    public async Task A_JSONPath_Pass_state_at_DEBUG_shows_each_stage_of_its_data_flow_as_AWS_does()
    {
        // AWS's IO_PASS_STATE: InputPath, Parameters, ResultPath; the effective input is the result, shown after ResultSelector.
        const string Definition = """
            {"Type":"Pass","InputPath":"$.initialData","Parameters":{"staticValue":"some value","inputValue.$":"$.fieldFromInput"},
             "ResultPath":"$.modifiedData","Next":"After"}
            """;

        var result = await TestAsync(Definition, """{"initialData":{"fieldFromInput":"value from input","otherField":"other"},"unrelatedData":{"someOtherField":1234}}""");

        var data = result.Inspection!;
        Assert.Equal("After", result.NextState);
        JsonAssert.Equal("""{"fieldFromInput":"value from input","otherField":"other"}""", JsonNode.Parse(data.AfterInputPath!));
        JsonAssert.Equal("""{"staticValue":"some value","inputValue":"value from input"}""", JsonNode.Parse(data.AfterParameters!));
        Assert.Equal(data.AfterParameters, data.AfterResultSelector);
        Assert.Equal(result.Output, data.AfterResultPath);
        JsonAssert.Equal("""{"staticValue":"some value","inputValue":"value from input"}""", JsonNode.Parse(result.Output!)!["modifiedData"]);
        Assert.Null(data.Result);
        Assert.Null(data.AfterArguments);
    }

    [Fact]
    public async Task A_Pass_state_with_a_Result_shows_the_result_in_place_of_the_InputPath_and_Parameters_stages()
    {
        var result = await TestAsync("""{"Type":"Pass","InputPath":"$.a","Result":{"resultKey":"result value"},"End":true}""", """{"a":1}""", InspectionLevel.Trace);

        var data = result.Inspection!;
        JsonAssert.Equal("""{"resultKey":"result value"}""", JsonNode.Parse(data.Result!));
        Assert.Equal(data.Result, data.AfterResultSelector);
        Assert.Equal((null, null), (data.AfterInputPath, data.AfterParameters));
        Assert.Equal("""{"a":1}""", data.Input);
    }

    [Fact]
    public async Task A_Choice_state_reports_the_branch_it_chose_as_nextState_and_passes_its_input_on()
    {
        // AWS's BASE_CHOICE_STATE with {"type":"Private","value":22}: the third rule matches.
        const string Definition = """
            {"Type":"Choice","Choices":[
              {"Not":{"Variable":"$.type","StringEquals":"Private"},"Next":"Public"},
              {"Variable":"$.value","NumericEquals":0,"Next":"ValueIsZero"},
              {"And":[{"Variable":"$.value","NumericGreaterThanEquals":20},{"Variable":"$.value","NumericLessThan":30}],"Next":"ValueInTwenties"}],
             "Default":"DefaultState"}
            """;

        var result = await TestAsync(Definition, """{"type":"Private","value":22}""");
        var fallback = await TestAsync(Definition, """{"type":"Private","value":99}""");

        Assert.Equal((StateTestStatus.Succeeded, "ValueInTwenties"), (result.Status, result.NextState));
        Assert.Equal("""{"type":"Private","value":22}""", result.Output);
        Assert.Equal(result.Output, result.Inspection!.AfterInputPath);
        Assert.Null(result.Inspection.AfterParameters);
        Assert.Equal("DefaultState", fallback.NextState);
    }

    [Fact]
    public async Task A_Choice_state_without_a_matching_rule_or_Default_fails_with_States_NoChoiceMatched()
    {
        var result = await TestAsync("""{"Type":"Choice","Choices":[{"Variable":"$.v","NumericEquals":1,"Next":"One"}]}""", """{"v":2}""");

        Assert.Equal((StateTestStatus.Failed, "States.NoChoiceMatched"), (result.Status, result.Error));
        Assert.Null(result.NextState);
        Assert.Null(result.Output);
    }

    [Fact]
    public async Task A_Fail_state_fails_with_its_error_and_cause()
    {
        var result = await TestAsync("""{"Type":"Fail","Error":"SomeFailure","Cause":"This state machines raises a 'SomeFailure' failure."}""", """{"Value":"HelloWorld"}""");

        Assert.Equal((StateTestStatus.Failed, "SomeFailure", "This state machines raises a 'SomeFailure' failure."), (result.Status, result.Error, result.Cause));
        Assert.Null(result.Output);
        Assert.Equal(result.Inspection!.Input, result.Inspection.AfterInputPath);
    }

    [Fact]
    public async Task A_Task_calls_its_function_once_and_shows_the_result_at_every_stage()
    {
        tasks.Returns(Fn, JsonValue.Create("HelloWorld!"));
        const string Definition = $$"""{"Type":"Task","Resource":"{{Fn}}","Parameters":{"inputData.$":"$.inputData"},"ResultSelector":{"said.$":"$"},"ResultPath":"$.out","End":true}""";

        var result = await TestAsync(Definition, """{"inputData":"HelloWorld"}""");

        var data = result.Inspection!;
        Assert.Equal(StateTestStatus.Succeeded, result.Status);
        Assert.Equal("""{"inputData":"HelloWorld"}""", data.AfterParameters);
        Assert.Equal("\"HelloWorld!\"", data.Result);
        Assert.Equal("""{"said":"HelloWorld!"}""", data.AfterResultSelector);
        Assert.Equal("""{"inputData":"HelloWorld","out":{"said":"HelloWorld!"}}""", data.AfterResultPath);
        Assert.Equal(data.AfterResultPath, result.Output);
        var call = Assert.Single(tasks.Invocations);
        JsonAssert.Equal("""{"inputData":"HelloWorld"}""", call.Input);
    }

    [Fact]
    public async Task A_failing_Task_without_Retry_or_Catch_fails_with_the_function_error_and_no_output()
    {
        tasks.On(Fn, (_, _) => Task.FromResult(TaskOutcome.FunctionError("Provisioning.InvalidRequest", "subnet is missing")));

        var result = await TestAsync($$"""{"Type":"Task","Resource":"{{Fn}}","End":true}""", "{}");

        Assert.Equal((StateTestStatus.Failed, "Provisioning.InvalidRequest"), (result.Status, result.Error));
        Assert.Contains("subnet is missing", result.Cause, StringComparison.Ordinal);
        Assert.Null(result.Output);
        Assert.Null(result.Inspection!.Result);
        Assert.Null(result.Inspection.ErrorDetails);
    }

    [Fact]
    public async Task A_failing_Task_a_Retrier_would_retry_is_RETRIABLE_with_the_backoff_it_would_wait_and_is_not_retried()
    {
        // AWS's BASE_TASK_STATE_RETRY with retrierRetryCount 4: IntervalSeconds 1 × BackoffRate 2^4 = 16 s.
        tasks.Fails(Fn, "MockException", "Mock the cause of the error.");
        const string Definition = $$"""{"Type":"Task","Resource":"{{Fn}}","Retry":[{"ErrorEquals":["Other"]},{"ErrorEquals":["MockException"],"IntervalSeconds":1,"MaxAttempts":5,"BackoffRate":2.0}],"End":true}""";

        var first = await TestAsync(Definition, "{}");
        var fifth = await TestAsync(Definition, "{}", with: t => t with { RetrierRetryCount = 4 });
        var spent = await TestAsync(Definition, "{}", with: t => t with { RetrierRetryCount = 5 });

        Assert.Equal((StateTestStatus.Retriable, "MockException", "Mock the cause of the error."), (first.Status, first.Error, first.Cause));
        Assert.Equal(new InspectionErrorDetails(null, 1, 1), first.Inspection!.ErrorDetails);
        Assert.Equal(new InspectionErrorDetails(null, 1, 16), fifth.Inspection!.ErrorDetails);
        Assert.Equal(StateTestStatus.Failed, spent.Status);
        Assert.Equal(new InspectionErrorDetails(null, 1, null), spent.Inspection!.ErrorDetails);
        Assert.Equal(3, tasks.Invocations.Count);
        Assert.Equal([0, 4, 5], tasks.Invocations.Select(i => i.RetryCount));
    }

    [Fact]
    public async Task A_failing_Task_a_Catcher_takes_is_CAUGHT_ERROR_going_to_the_Catchers_Next_with_the_error_output()
    {
        tasks.Fails(Fn, "States.TaskFailed", "The task failed.");
        const string Definition = $$"""
            {"Type":"Task","Resource":"{{Fn}}","Retry":[{"ErrorEquals":["States.TaskFailed"],"MaxAttempts":0}],
             "Catch":[{"ErrorEquals":["MockException"],"Next":"HandleMockError"},{"ErrorEquals":["States.ALL"],"ResultPath":"$.error","Next":"HandleThreshold"}],"End":true}
            """;

        var result = await TestAsync(Definition, """{"Value":"HelloWorld"}""");

        Assert.Equal((StateTestStatus.CaughtError, "HandleThreshold"), (result.Status, result.NextState));
        Assert.Equal(("States.TaskFailed", "The task failed."), (result.Error, result.Cause));
        JsonAssert.Equal("""{"Value":"HelloWorld","error":{"Error":"States.TaskFailed","Cause":"The task failed."}}""", JsonNode.Parse(result.Output!));
        Assert.Equal(new InspectionErrorDetails(1, 0, null), result.Inspection!.ErrorDetails);
    }

    [Fact]
    public async Task A_mocked_JSONata_Task_evaluates_its_Arguments_but_never_calls_the_function()
    {
        // AWS's BASE_TASK_STATE_CATCH: the mocked error is caught by Catch[0], whose Output is $states.
        const string Definition = $$"""
            {"QueryLanguage":"JSONata","Type":"Task","Resource":"{{Invoke}}","Arguments":{"FunctionName":"foo","Payload":"{% $states.input.Value %}"},
             "Catch":[{"ErrorEquals":["MockException"],"Output":"{% $states %}","Next":"HandleMockError"}],"End":true}
            """;

        var caught = await TestAsync(Definition, """{"Value":"HelloWorld"}""", with: t => t with { Mock = new StateTestMock.Throws("MockException", "Mock the cause of the error."), RoleArn = null });
        var returned = await TestAsync(Definition, """{"Value":"HelloWorld"}""", with: t => t with { Mock = new StateTestMock.Returns(JsonNode.Parse("""{"Payload":{"ok":true},"StatusCode":200}""")) });

        Assert.Empty(tasks.Invocations);
        Assert.Equal((StateTestStatus.CaughtError, "HandleMockError"), (caught.Status, caught.NextState));
        Assert.Equal("""{"FunctionName":"foo","Payload":"HelloWorld"}""", caught.Inspection!.AfterArguments);
        Assert.Equal(new InspectionErrorDetails(0, null, null), caught.Inspection.ErrorDetails);
        var states = JsonNode.Parse(caught.Output!)!;
        JsonAssert.Equal("""{"Error":"MockException","Cause":"Mock the cause of the error."}""", states["errorOutput"]);
        Assert.Equal("StateName", states["context"]!["State"]!["Name"]!.GetValue<string>());
        Assert.Contains(":express:TestState:", states["context"]!["Execution"]!["Id"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(StateTestStatus.Succeeded, returned.Status);
        Assert.Equal("""{"Payload":{"ok":true},"StatusCode":200}""", returned.Output);
        Assert.Equal(returned.Output, returned.Inspection!.Result);
        Assert.Null(returned.Inspection.AfterParameters);
    }

    [Fact]
    public async Task A_JSONata_state_sees_the_given_variables_and_shows_them_with_what_it_assigned()
    {
        const string Definition = """
            {"QueryLanguage":"JSONata","Type":"Pass","Assign":{"total":"{% $base + $count($states.input.values) %}"},
             "Output":{"seen":"{% $base %}"},"End":true}
            """;

        var result = await TestAsync(Definition, """{"values":[1,2,3]}""", with: t => t with { Variables = JsonNode.Parse("""{"base":10}""")!.AsObject() });

        Assert.Equal("""{"seen":10}""", result.Output);
        JsonAssert.Equal("""{"base":10,"total":13}""", JsonNode.Parse(result.Inspection!.Variables!));
        Assert.Null(result.Inspection.AfterInputPath);
    }

    [Fact]
    public async Task A_state_of_a_whole_machine_is_tested_by_its_name()
    {
        const string Definition = """{"StartAt":"A","States":{"A":{"Type":"Pass","Result":1,"Next":"B"},"B":{"Type":"Pass","Result":2,"End":true}}}""";

        var result = await TestAsync(Definition, "{}", with: t => t with { StateName = "A" });
        var missing = await Assert.ThrowsAsync<StateTestException>(() => TestAsync(Definition, "{}", with: t => t with { StateName = "C" }));

        Assert.Equal(("1", "B"), (result.Output, result.NextState));
        Assert.Equal((StateTestErrorCode.ValidationException, "State not found in definition"), (missing.Code, missing.Message));
    }

    public static TheoryData<string, StateTestErrorCode, string> Refusals => new()
    {
        { """{"Type":"Pass","Bogus":1,"End":true}""", StateTestErrorCode.InvalidDefinition, "Invalid State Machine Definition: " },
        { """{"Type":"Parallel","Branches":[{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}],"End":true}""", StateTestErrorCode.InvalidDefinition, "TestState API does not support Map or Parallel states." },
        { $$"""{"Type":"Task","Resource":"{{Fn}}","End":true}""", StateTestErrorCode.ValidationException, "RoleArn must be specified when testing a Task state" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Requests_AWS_refuses_are_refused_with_its_error_code_and_message(string definition, StateTestErrorCode code, string message)
    {
        var refused = await Assert.ThrowsAsync<StateTestException>(() => TestAsync(definition, "{}", with: t => t with { RoleArn = null }));

        Assert.Equal(code, refused.Code);
        Assert.StartsWith(message, refused.Message, StringComparison.Ordinal);
        Assert.Empty(tasks.Invocations);
    }

    [Fact]
    public async Task A_mocked_Parallel_state_takes_the_mock_for_its_branches_results_and_runs_no_branch()
    {
        // AWS's IO_PARALLEL_STATE: the mock stands for the branches; AWS shows no InputPath or result stage for it.
        const string Definition = """
            {"Type":"Parallel","InputPath":"$.parallelInput","ResultPath":"$.parallelResult","End":true,"Branches":[
              {"StartAt":"B1","States":{"B1":{"Type":"Task","Resource":"arn:aws:lambda:us-west-2:123456789012:function:CheckCapacity","End":true}}},
              {"StartAt":"B2","States":{"B2":{"Type":"Pass","End":true}}}]}
            """;
        var mock = new StateTestMock.Returns(JsonNode.Parse("""[{"branch1":"result"},{"branch2":"result"}]"""));

        var result = await TestAsync(Definition, """{"parallelInput":{"data":"input_value"}}""", with: t => t with { Mock = mock, RoleArn = null });
        var miscounted = await Assert.ThrowsAsync<StateTestException>(() => TestAsync(Definition, "{}", with: t => t with { Mock = new StateTestMock.Returns(JsonNode.Parse("[1]")) }));

        Assert.Equal(StateTestStatus.Succeeded, result.Status);
        Assert.Equal("""{"parallelInput":{"data":"input_value"},"parallelResult":[{"branch1":"result"},{"branch2":"result"}]}""", result.Output);
        Assert.Equal("""[{"branch1":"result"},{"branch2":"result"}]""", result.Inspection!.AfterResultSelector);
        Assert.Equal((null, null), (result.Inspection.AfterInputPath, result.Inspection.Result));
        Assert.Empty(tasks.Invocations);
        Assert.Equal("Mocked result must contain the same number of items as number of Parallel branches.", miscounted.Message);
    }

    [Fact]
    public async Task A_mocked_Map_error_is_caught_as_the_states_own()
    {
        const string Definition = """
            {"Type":"Map","ItemProcessor":{"StartAt":"I","States":{"I":{"Type":"Pass","End":true}}},
             "Catch":[{"ErrorEquals":["States.ALL"],"Next":"Recover"}],"End":true}
            """;

        var result = await TestAsync(Definition, "[1,2]", with: t => t with { Mock = new StateTestMock.Throws("States.ExceedToleratedFailureThreshold", "too many failed") });
        var notArray = await Assert.ThrowsAsync<StateTestException>(() => TestAsync(Definition, "[1,2]", with: t => t with { Mock = new StateTestMock.Returns(JsonNode.Parse("{}")) }));

        Assert.Equal((StateTestStatus.CaughtError, "Recover", "States.ExceedToleratedFailureThreshold"), (result.Status, result.NextState, result.Error));
        Assert.Equal((StateTestErrorCode.ValidationException, "Mocked result must be an array."), (notArray.Code, notArray.Message));
    }

    [Fact]
    public async Task A_mock_is_refused_for_a_state_that_calls_nothing()
    {
        var refused = await Assert.ThrowsAsync<StateTestException>(() => TestAsync("""{"Type":"Pass","End":true}""", "{}", with: t => t with { Mock = new StateTestMock.Returns(null) }));

        Assert.Equal((StateTestErrorCode.ValidationException, "State type 'Pass' is not supported when a mock is specified"), (refused.Code, refused.Message));
    }
}
