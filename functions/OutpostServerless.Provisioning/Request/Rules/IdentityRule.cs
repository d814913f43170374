using OutpostServerless.Provisioning.Errors;

namespace OutpostServerless.Provisioning.Request;

/// <summary>The provisioning id (or the execution name it defaults to), the Outpost ARN and the Availability Zone ID.</summary>
internal sealed class IdentityRule : IRequestRule
{
    public void Check(RequestDocument request, ICollection<FieldError> errors)
    {
        CheckProvisioningId(request, errors);
        CheckOutpostArn(request, errors);
        CheckAvailabilityZoneId(request, errors);
    }

    private static void CheckProvisioningId(RequestDocument request, ICollection<FieldError> errors)
    {
        const string field = "provisioningId";
        var fix = $"write {field} as {ResourceNames.ProvisioningIdRule}, e.g. \"storefront-web\"";
        if (JsonMember.Has(request.Root, field))
        {
            if (JsonMember.String(request.Root, field) is { } id && !ResourceNames.IsProvisioningId(id))
            {
                errors.Add(new FieldError(field, $"{ValueText.Of(id)} is not a valid provisioning id", fix));
            }

            return;
        }

        if (string.IsNullOrEmpty(request.ExecutionName))
        {
            errors.Add(new FieldError(field, "is not given, and there is no execution name to default to", fix));
        }
        else if (!ResourceNames.IsProvisioningId(request.ExecutionName))
        {
            errors.Add(new FieldError(
                field,
                $"is not given, and the execution name {ValueText.Of(request.ExecutionName)} it defaults to is not a valid provisioning id",
                $"{fix}, or start the execution with a name of that form"));
        }
    }

    private static void CheckOutpostArn(RequestDocument request, ICollection<FieldError> errors)
    {
        if (JsonMember.String(request.Root, "outpostArn") is { } arn && !OutpostArn.TryParse(arn, out _, out var problem))
        {
            errors.Add(new FieldError(
                "outpostArn",
                $"{ValueText.Of(arn)} {problem}",
                $"write the Outpost's ARN as arn:aws:outposts:REGION:ACCOUNT:outpost/op-ID, e.g. {OutpostArn.Example}"));
        }
    }

    private static void CheckAvailabilityZoneId(RequestDocument request, ICollection<FieldError> errors)
    {
        if (JsonMember.String(request.Root, "availabilityZoneId") is not { } id)
        {
            return;
        }

        if (!AvailabilityZoneId.IsWellFormed(id))
        {
            errors.Add(new FieldError(
                "availabilityZoneId",
                $"{ValueText.Of(id)} is not an Availability Zone ID",
                $"write the ID (not the name) of the Outpost's Availability Zone, e.g. {AvailabilityZoneId.Example} (not us-west-2a)"));
            return;
        }

        if (request.Outpost is { } outpost
            && AvailabilityZoneId.RegionCode(outpost.Region) is { } code
            && AvailabilityZoneId.RegionCodeOf(id) != code)
        {
            errors.Add(new FieldError(
                "availabilityZoneId",
                $"{ValueText.Of(id)} is not in {outpost.Region}, the Region of the Outpost",
                $"write the ID of the Outpost's Availability Zone in {outpost.Region}: {code}-azN, e.g. {code}-az1"));
        }
    }
}
