namespace OutpostServerless.Provisioning.Steps;

/// <summary>A step's result that tells how long its provisioning has waited for capacity so far (the CapacityWait metric).</summary>
public interface ICapacityWaitReport
{
    int WaitedSeconds { get; }
}
