using OutpostServerless.StateMachine.Tests.Support;

namespace OutpostServerless.StateMachine.Tests;

public sealed class PassStateTests
{
    [Fact]
    public async Task Pass_without_Result_outputs_its_effective_input()
    {
        var machine = new Machine("""{"StartAt":"P","States":{"P":{"Type":"Pass","InputPath":"$.a","End":true}}}""");

        JsonAssert.Equal("""{"b":1}""", await machine.OutputAsync("""{"a":{"b":1},"c":2}"""));
    }

    [Fact]
    public async Task Pass_Result_is_a_virtual_task_result_placed_by_ResultPath()
    {
        var machine = new Machine("""{"StartAt":"P","States":{"P":{"Type":"Pass","Result":{"r":true},"ResultPath":"$.out","End":true}}}""");

        JsonAssert.Equal("""{"in":1,"out":{"r":true}}""", await machine.OutputAsync("""{"in":1}"""));
    }

    [Fact]
    public async Task Pass_Parameters_build_the_result_from_the_input()
    {
        var machine = new Machine("""{"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{"copy.$":"$.v","n":1},"End":true}}}""");

        JsonAssert.Equal("""{"copy":"x","n":1}""", await machine.OutputAsync("""{"v":"x"}"""));
    }

    [Fact]
    public async Task Pass_Result_null_is_a_result_not_an_absent_field()
    {
        var machine = new Machine("""{"StartAt":"P","States":{"P":{"Type":"Pass","Result":null,"ResultPath":"$.r","End":true}}}""");

        JsonAssert.Equal("""{"a":1,"r":null}""", await machine.OutputAsync("""{"a":1}"""));
    }
}
