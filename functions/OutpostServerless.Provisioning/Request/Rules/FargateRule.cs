using System.Text.Json.Nodes;
using OutpostServerless.Provisioning.Errors;

namespace OutpostServerless.Provisioning.Request;

/// <summary>
/// AWS Fargate is not available on AWS Outposts: the workload runs with launch type EC2 on the
/// container instances this provisioning launches. Fargate is refused wherever the request asks for
/// it: the task definition's compatibilities, a launch type, a capacity provider.
/// </summary>
internal sealed class FargateRule : IRequestRule
{
    private const string Reason = "Fargate is not available on AWS Outposts";

    public void Check(RequestDocument request, ICollection<FieldError> errors)
    {
        CheckCompatibilities(request, errors);
        Scan(request.Root, FieldPath.Root, errors);
    }

    private static void CheckCompatibilities(RequestDocument request, ICollection<FieldError> errors)
    {
        if (JsonMember.Array(request.TaskDefinition, "requiresCompatibilities") is not { } compatibilities)
        {
            return;
        }

        var path = RequestDocument.TaskDefinitionPath.Member("requiresCompatibilities");
        var values = compatibilities.Select(JsonMember.AsString).ToList();
        for (var i = 0; i < values.Count; i++)
        {
            if (IsFargate(values[i]))
            {
                errors.Add(new FieldError(
                    path.Index(i).ToString(),
                    $"asks for {values[i]}; {Reason}",
                    "write [\"EC2\"], or leave requiresCompatibilities out (it defaults to EC2)"));
            }
        }

        if (!values.Contains("EC2") && !values.Any(IsFargate))
        {
            errors.Add(new FieldError(
                path.ToString(),
                "does not include EC2, the launch type of the workload on the Outpost's container instances",
                "write [\"EC2\"], or leave requiresCompatibilities out"));
        }
    }

    /// <summary>Launch types and capacity providers, wherever they are written (the schema names unknown members separately).</summary>
    private static void Scan(JsonNode? node, FieldPath path, ICollection<FieldError> errors)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    var childPath = path.Member(name);
                    if (name is "launchType" or "capacityProvider" && IsFargate(JsonMember.AsString(child)))
                    {
                        errors.Add(new FieldError(
                            childPath.ToString(),
                            $"asks for {JsonMember.AsString(child)}; {Reason}",
                            "remove it: the workload always runs with launch type EC2 on the container instances"));
                    }
                    else
                    {
                        Scan(child, childPath, errors);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Scan(array[i], path.Index(i), errors);
                }

                break;
        }
    }

    private static bool IsFargate(string? value) =>
        value is not null && value.StartsWith("FARGATE", StringComparison.OrdinalIgnoreCase);
}
