using Microsoft.Extensions.Logging;
using OutpostServerless.Provisioning.Errors;
using OutpostServerless.Provisioning.Request;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>
/// The first step: normalise the request into a <see cref="ProvisioningPlan"/> or refuse it with
/// <see cref="InvalidRequestException"/> (<c>Provisioning.InvalidRequest</c>, never retried). It takes
/// no AWS ports at all, so nothing can be created for a request that is refused.
/// </summary>
public sealed class ValidateRequest(RequestValidator validator, ILogger<ValidateRequest> logger)
    : IStep<ValidateRequestInput, ProvisioningPlan>
{
    public ValidateRequest(ILogger<ValidateRequest> logger)
        : this(new RequestValidator(), logger)
    {
    }

    public Task<ProvisioningPlan> RunAsync(ValidateRequestInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        cancellationToken.ThrowIfCancellationRequested();
        var validation = validator.Validate(input.Request, input.ExecutionName);
        if (!validation.IsValid)
        {
            logger.LogWarning(
                "Refused the request of execution {ExecutionName}: {ErrorCount} field errors, first {Field}",
                input.ExecutionName, validation.Errors.Count, validation.Errors[0].Field);
            throw new InvalidRequestException(validation.Errors);
        }

        var plan = validation.Plan with { ExecutionId = ExecutionId(validation.Plan.ExecutionId, input.ExecutionStartTime) };
        logger.LogInformation(
            "Validated provisioning {ProvisioningId}: {InstanceCount} x {InstanceType} on {OutpostId}, {Mode} {Family}",
            plan.ProvisioningId, plan.Cluster.InstanceCount, plan.Cluster.InstanceType, plan.OutpostId, plan.Workload.Mode, plan.Workload.Family);
        return Task.FromResult(plan);
    }

    /// <summary>Step Functions keeps names unique for 90 days, but a local run may reuse one: the start time tells two apart.</summary>
    private static string ExecutionId(string name, string? startTime) =>
        string.IsNullOrEmpty(startTime) ? name : $"{name}@{startTime}";
}
