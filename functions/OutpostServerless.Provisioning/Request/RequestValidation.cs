using System.Diagnostics.CodeAnalysis;
using OutpostServerless.Provisioning.Errors;

namespace OutpostServerless.Provisioning.Request;

/// <summary>The outcome of validating a request: a plan, or every field error found (never both).</summary>
public sealed record RequestValidation
{
    private RequestValidation(ProvisioningPlan? plan, IReadOnlyList<FieldError> errors)
    {
        Plan = plan;
        Errors = errors;
    }

    public ProvisioningPlan? Plan { get; }

    public IReadOnlyList<FieldError> Errors { get; }

    [MemberNotNullWhen(true, nameof(Plan))]
    public bool IsValid => Plan is not null;

    public static RequestValidation Valid(ProvisioningPlan plan) => new(plan, []);

    public static RequestValidation Invalid(IReadOnlyList<FieldError> errors) =>
        errors.Count > 0 ? new(null, errors) : throw new ArgumentException("An invalid request has at least one error.", nameof(errors));
}
