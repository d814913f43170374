using OutpostServerless.Provisioning.Errors;

namespace OutpostServerless.Provisioning.Request;

/// <summary>
/// Only the managed policies the stack allows (its AllowedManagedPolicyArns parameter) may be asked for: whoever
/// may call the API must not be able to give the container instances, and the image they run, more than that
/// (e.g. AdministratorAccess). The functions' roles hold the same list as an <c>iam:PolicyARN</c> condition; this
/// rule refuses the request by field before anything is made. The ECS instance policy is always allowed.
/// </summary>
internal sealed class ManagedPolicyAllowListRule(IReadOnlyCollection<string> allowed) : IRequestRule
{
    public void Check(RequestDocument request, ICollection<FieldError> errors)
    {
        if (JsonMember.Array(request.Iam, "managedPolicyArns") is not { } arns)
        {
            return;
        }

        for (var i = 0; i < arns.Count; i++)
        {
            if (JsonMember.AsString(arns[i]) is not { } arn || !ManagedPolicyArn.IsWellFormed(arn)
                || allowed.Contains(arn, StringComparer.Ordinal) || arn == ManagedPolicyArn.EcsInstancePolicy(ManagedPolicyArn.PartitionOf(arn)))
            {
                continue;
            }

            errors.Add(new FieldError(
                RequestDocument.IamPath.Member("managedPolicyArns").Index(i).ToString(),
                $"{ValueText.Of(arn)} is not one of the managed policies this stack allows ({(allowed.Count == 0 ? "none" : string.Join(", ", allowed))})",
                "ask for an allowed policy, or have the stack's owner add this one to its AllowedManagedPolicyArns parameter"));
        }
    }
}
