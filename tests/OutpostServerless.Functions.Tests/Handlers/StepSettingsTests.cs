using OutpostServerless.Functions.Errors;
using OutpostServerless.Functions.Handlers;

namespace OutpostServerless.Functions.Tests.Handlers;

public sealed class StepSettingsTests
{
    [Fact]
    public void Without_the_variable_the_capacity_wait_default_is_an_hour()
    {
        var settings = StepSettings.From(_ => null);

        Assert.Equal(3600, settings.DefaultCapacityWaitSeconds);
    }

    [Fact]
    public void The_stacks_DefaultCapacityWaitSeconds_reaches_the_steps_through_the_environment()
    {
        var settings = StepSettings.From(name => name == StepSettings.DefaultCapacityWaitVariable ? "900" : null);

        Assert.Equal(900, settings.DefaultCapacityWaitSeconds);
    }

    [Theory]
    [InlineData("ten")]
    [InlineData("-5")]
    [InlineData("86401")]
    public void A_value_the_steps_cannot_use_fails_naming_the_variable(string value)
    {
        var problem = Assert.Throws<InvalidStepSettingException>(() => StepSettings.From(_ => value));

        Assert.Equal(StepSettings.DefaultCapacityWaitVariable, problem.Variable);
        Assert.Contains(value, problem.Message);
    }
}
