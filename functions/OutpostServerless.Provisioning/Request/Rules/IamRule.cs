using OutpostServerless.Provisioning.Errors;

namespace OutpostServerless.Provisioning.Request;

/// <summary>A role name IAM accepts; managed policy ARNs of the right shape, in the Outpost's partition.</summary>
internal sealed class IamRule : IRequestRule
{
    public void Check(RequestDocument request, ICollection<FieldError> errors)
    {
        var path = RequestDocument.IamPath;
        if (JsonMember.String(request.Iam, "roleName") is { } roleName && !ResourceNames.IsIamRoleName(roleName))
        {
            errors.Add(new FieldError(
                path.Member("roleName").ToString(),
                $"{ValueText.Of(roleName)} is not a name IAM accepts for a role",
                $"write {ResourceNames.IamRoleNameRule}, e.g. \"storefront-ecs-instance\", or leave roleName out to get {{provisioningId}}{ResourceNames.InstanceRoleSuffix}"));
        }

        if (JsonMember.Array(request.Iam, "managedPolicyArns") is not { } arns)
        {
            return;
        }

        for (var i = 0; i < arns.Count; i++)
        {
            if (JsonMember.AsString(arns[i]) is not { } arn)
            {
                continue;
            }

            var field = path.Member("managedPolicyArns").Index(i).ToString();
            if (!ManagedPolicyArn.IsWellFormed(arn))
            {
                errors.Add(new FieldError(
                    field,
                    $"{ValueText.Of(arn)} is not an IAM managed policy ARN",
                    $"write arn:aws:iam::aws:policy/NAME for an AWS managed policy or arn:aws:iam::ACCOUNT:policy/NAME for your own, e.g. {ManagedPolicyArn.Example}"));
            }
            else if (request.Outpost is { } outpost && ManagedPolicyArn.PartitionOf(arn) != outpost.Partition)
            {
                errors.Add(new FieldError(
                    field,
                    $"is in the partition {ManagedPolicyArn.PartitionOf(arn)}, but the Outpost is in {outpost.Partition}; IAM cannot attach it",
                    $"write the policy's ARN in the {outpost.Partition} partition: arn:{outpost.Partition}:iam::…"));
            }
        }
    }
}
