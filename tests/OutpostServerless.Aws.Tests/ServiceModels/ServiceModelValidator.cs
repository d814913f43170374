using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using OutpostServerless.Aws.Tests.Testing;

namespace OutpostServerless.Aws.Tests.ServiceModels;

/// <summary>
/// Checks a captured request against its operation's input shape in the botocore model, the way
/// the service's own validation would: the operation exists, every required member is present,
/// no member is unknown, and each value has the model's type (and enum, length and range).
/// The operation is found as the protocol addresses it: <c>X-Amz-Target</c> (JSON), <c>Action</c>
/// (query) or method and URI template (REST).
/// </summary>
internal static class ServiceModelValidator
{
    public static IReadOnlyList<string> Validate(CapturedRequest request)
    {
        var model = BotocoreModel.ForSigningName(request.SigningName);
        var errors = new List<string>();
        if (request.Header("X-Amz-Target") is { } target)
        {
            ValidateJsonRpc(model, request, target, errors);
        }
        else if (request.Header("Content-Type")?.StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal) == true)
        {
            ValidateQuery(model, request, errors);
        }
        else
        {
            ValidateRest(model, request, errors);
        }

        return errors;
    }

    private static void ValidateJsonRpc(BotocoreModel model, CapturedRequest request, string target, List<string> errors)
    {
        var dot = target.LastIndexOf('.');
        var (prefix, operation) = (target[..dot], target[(dot + 1)..]);
        if (prefix != model.TargetPrefix)
        {
            errors.Add($"X-Amz-Target prefix '{prefix}' is not {model.Service}'s '{model.TargetPrefix}'");
        }

        if (request.Method != HttpMethod.Post || request.Url.AbsolutePath != "/")
        {
            errors.Add($"{operation}: JSON RPC goes to POST /, not {request.Method} {request.Url.AbsolutePath}");
        }

        var expectedContentType = $"application/x-amz-json-{model.Metadata.GetProperty("jsonVersion").GetString()}";
        if (request.Header("Content-Type") != expectedContentType)
        {
            errors.Add($"{operation}: Content-Type '{request.Header("Content-Type")}' is not '{expectedContentType}'");
        }

        if (!model.Operations.TryGetProperty(operation, out var op))
        {
            errors.Add($"{model.Service} has no operation '{operation}'");
            return;
        }

        using var body = JsonDocument.Parse(request.Body);
        if (op.TryGetProperty("input", out var input))
        {
            ValidateJson(model, body.RootElement, input.GetProperty("shape").GetString()!, operation, errors);
        }
    }

    private static void ValidateJson(BotocoreModel model, JsonElement value, string shapeName, string path, List<string> errors)
    {
        var shape = model.Shape(shapeName);
        switch (shape.GetProperty("type").GetString())
        {
            case "structure":
                if (value.ValueKind != JsonValueKind.Object)
                {
                    errors.Add($"{path}: expected an object ({shapeName}), got {value.ValueKind}");
                    return;
                }

                var members = shape.GetProperty("members");
                var byWireName = members.EnumerateObject().ToDictionary(m => m.Value.TryGetProperty("locationName", out var n) ? n.GetString()! : m.Name, m => m.Value);
                foreach (var property in value.EnumerateObject())
                {
                    if (byWireName.TryGetValue(property.Name, out var member))
                    {
                        ValidateJson(model, property.Value, member.GetProperty("shape").GetString()!, $"{path}.{property.Name}", errors);
                    }
                    else
                    {
                        errors.Add($"{path}: unknown member '{property.Name}' (not in {shapeName})");
                    }
                }

                foreach (var required in Required(shape))
                {
                    if (!value.TryGetProperty(required, out _))
                    {
                        errors.Add($"{path}: required member '{required}' is missing");
                    }
                }

                break;
            case "list":
                if (value.ValueKind != JsonValueKind.Array)
                {
                    errors.Add($"{path}: expected an array ({shapeName}), got {value.ValueKind}");
                    return;
                }

                CheckCount(shape, value.GetArrayLength(), path, errors);
                var i = 0;
                foreach (var item in value.EnumerateArray())
                {
                    ValidateJson(model, item, shape.GetProperty("member").GetProperty("shape").GetString()!, $"{path}[{i++}]", errors);
                }

                break;
            case "map":
                if (value.ValueKind != JsonValueKind.Object)
                {
                    errors.Add($"{path}: expected an object ({shapeName} map), got {value.ValueKind}");
                    return;
                }

                foreach (var entry in value.EnumerateObject())
                {
                    ValidateScalar(model, entry.Name, shape.GetProperty("key").GetProperty("shape").GetString()!, $"{path} key", errors);
                    ValidateJson(model, entry.Value, shape.GetProperty("value").GetProperty("shape").GetString()!, $"{path}.{entry.Name}", errors);
                }

                break;
            case "string":
                if (value.ValueKind != JsonValueKind.String)
                {
                    errors.Add($"{path}: expected a string ({shapeName}), got {value.ValueKind}");
                    return;
                }

                ValidateScalar(model, value.GetString()!, shapeName, path, errors);
                break;
            case "boolean":
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    errors.Add($"{path}: expected a boolean ({shapeName}), got {value.ValueKind}");
                }

                break;
            case "integer" or "long":
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number))
                {
                    errors.Add($"{path}: expected an integer ({shapeName}), got {value}");
                    return;
                }

                CheckRange(shape, number, path, errors);
                break;
            case "double" or "float":
                if (value.ValueKind != JsonValueKind.Number)
                {
                    errors.Add($"{path}: expected a number ({shapeName}), got {value.ValueKind}");
                }

                break;
            case "timestamp":
                if (value.ValueKind != JsonValueKind.Number)
                {
                    errors.Add($"{path}: expected epoch seconds ({shapeName}), got {value.ValueKind}");
                }

                break;
            case "blob":
                if (value.ValueKind != JsonValueKind.String)
                {
                    errors.Add($"{path}: expected base64 text ({shapeName}), got {value.ValueKind}");
                }

                break;
            default:
                errors.Add($"{path}: shape type '{shape.GetProperty("type").GetString()}' is not checked");
                break;
        }
    }

    private static void ValidateQuery(BotocoreModel model, CapturedRequest request, List<string> errors)
    {
        var form = request.Form;
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in form)
        {
            if (!parameters.TryAdd(name, value))
            {
                errors.Add($"parameter '{name}' is sent twice");
            }
        }

        if (!parameters.Remove("Action", out var operation))
        {
            errors.Add("the query request has no Action");
            return;
        }

        if (!parameters.Remove("Version", out var version) || version != model.ApiVersion)
        {
            errors.Add($"{operation}: Version '{version}' is not {model.Service}'s '{model.ApiVersion}'");
        }

        if (request.Method != HttpMethod.Post || request.Url.AbsolutePath != "/")
        {
            errors.Add($"{operation}: query requests go to POST /, not {request.Method} {request.Url.AbsolutePath}");
        }

        if (!model.Operations.TryGetProperty(operation, out var op))
        {
            errors.Add($"{model.Service} has no operation '{operation}'");
            return;
        }

        var consumed = new HashSet<string>(StringComparer.Ordinal);
        if (op.TryGetProperty("input", out var input))
        {
            ValidateQueryShape(model, parameters, consumed, input.GetProperty("shape").GetString()!, string.Empty, operation, errors);
        }

        foreach (var unknown in parameters.Keys.Except(consumed).Order(StringComparer.Ordinal))
        {
            errors.Add($"{operation}: unknown parameter '{unknown}'");
        }
    }

    /// <summary>Walks the shape, consuming the parameters it explains; returns whether any value was found below <paramref name="prefix"/>.</summary>
    private static bool ValidateQueryShape(BotocoreModel model, Dictionary<string, string> parameters, HashSet<string> consumed, string shapeName, string prefix, string path, List<string> errors)
    {
        var shape = model.Shape(shapeName);
        switch (shape.GetProperty("type").GetString())
        {
            case "structure":
                if (prefix.Length > 0 && !parameters.Keys.Any(k => k.StartsWith(prefix + ".", StringComparison.Ordinal)))
                {
                    return false;
                }

                var found = false;
                var required = Required(shape).ToHashSet(StringComparer.Ordinal);
                foreach (var member in shape.GetProperty("members").EnumerateObject())
                {
                    var wireName = member.Value.TryGetProperty("locationName", out var n) ? n.GetString()! : member.Name;
                    var key = prefix.Length == 0 ? wireName : $"{prefix}.{wireName}";
                    var present = ValidateQueryShape(model, parameters, consumed, member.Value.GetProperty("shape").GetString()!, key, $"{path}.{member.Name}", errors);
                    found |= present;
                    if (!present && required.Contains(member.Name))
                    {
                        errors.Add($"{path}: required member '{member.Name}' is missing");
                    }
                }

                return found;
            case "list":
                var flattened = shape.TryGetProperty("flattened", out var f) && f.GetBoolean();
                var memberName = shape.GetProperty("member").TryGetProperty("locationName", out var ln) ? ln.GetString()! : "member";
                var itemShape = shape.GetProperty("member").GetProperty("shape").GetString()!;
                var count = 0;
                while (true)
                {
                    var itemKey = flattened ? $"{prefix}.{count + 1}" : $"{prefix}.{memberName}.{count + 1}";
                    if (!ValidateQueryShape(model, parameters, consumed, itemShape, itemKey, $"{path}[{count}]", errors))
                    {
                        break;
                    }

                    count++;
                }

                // An empty list is sent as the bare name with an empty value.
                if (count == 0 && parameters.TryGetValue(prefix, out var empty) && empty.Length == 0)
                {
                    consumed.Add(prefix);
                    return true;
                }

                if (count > 0)
                {
                    CheckCount(shape, count, path, errors);
                }

                return count > 0;
            case "map":
                errors.Add($"{path}: query maps are not checked");
                return false;
            default:
                if (!parameters.TryGetValue(prefix, out var value))
                {
                    return false;
                }

                consumed.Add(prefix);
                ValidateQueryScalar(model, value, shapeName, path, errors);
                return true;
        }
    }

    private static void ValidateQueryScalar(BotocoreModel model, string value, string shapeName, string path, List<string> errors)
    {
        var shape = model.Shape(shapeName);
        switch (shape.GetProperty("type").GetString())
        {
            case "string":
                ValidateScalar(model, value, shapeName, path, errors);
                break;
            case "boolean":
                if (value is not ("true" or "false"))
                {
                    errors.Add($"{path}: '{value}' is not a boolean ({shapeName})");
                }

                break;
            case "integer" or "long":
                if (!long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
                {
                    errors.Add($"{path}: '{value}' is not an integer ({shapeName})");
                    return;
                }

                CheckRange(shape, number, path, errors);
                break;
            case "double" or "float":
                if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                {
                    errors.Add($"{path}: '{value}' is not a number ({shapeName})");
                }

                break;
            case "timestamp":
                if (!DateTimeOffset.TryParseExact(value, ["yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
                {
                    errors.Add($"{path}: '{value}' is not an ISO 8601 UTC timestamp ({shapeName})");
                }

                break;
            default:
                errors.Add($"{path}: shape type '{shape.GetProperty("type").GetString()}' is not checked");
                break;
        }
    }

    private static void ValidateRest(BotocoreModel model, CapturedRequest request, List<string> errors)
    {
        var path = request.Url.AbsolutePath;
        foreach (var operation in model.Operations.EnumerateObject())
        {
            var http = operation.Value.GetProperty("http");
            if (!string.Equals(http.GetProperty("method").GetString(), request.Method.Method, StringComparison.Ordinal))
            {
                continue;
            }

            var template = http.GetProperty("requestUri").GetString()!.Split('?')[0];
            var match = Regex.Match(path, "^" + Regex.Replace(Regex.Escape(template).Replace(@"\{", "{", StringComparison.Ordinal), @"\{(\w+)\+?}", "(?<$1>[^/]+)") + "$");
            if (!match.Success)
            {
                continue;
            }

            var labels = match.Groups.Values.Where(g => !int.TryParse(g.Name, out _)).ToDictionary(g => g.Name, g => Uri.UnescapeDataString(g.Value));
            ValidateRestInput(model, operation.Name, operation.Value, labels, request, errors);
            return;
        }

        errors.Add($"{model.Service} has no operation for {request.Method} {path}");
    }

    private static void ValidateRestInput(BotocoreModel model, string operation, JsonElement op, Dictionary<string, string> labels, CapturedRequest request, List<string> errors)
    {
        var query = request.Query.GroupBy(q => q.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(q => q.Value).ToList(), StringComparer.Ordinal);
        if (!op.TryGetProperty("input", out var input))
        {
            return;
        }

        var shapeName = input.GetProperty("shape").GetString()!;
        var shape = model.Shape(shapeName);
        var required = Required(shape).ToHashSet(StringComparer.Ordinal);
        var bodyMembers = new List<string>();
        foreach (var member in shape.GetProperty("members").EnumerateObject())
        {
            var location = member.Value.TryGetProperty("location", out var l) ? l.GetString() : null;
            var wireName = member.Value.TryGetProperty("locationName", out var n) ? n.GetString()! : member.Name;
            var memberShape = member.Value.GetProperty("shape").GetString()!;
            var present = location switch
            {
                "uri" => labels.Remove(wireName, out var label) && Checked(() => ValidateQueryScalar(model, label, memberShape, $"{operation}.{member.Name}", errors)),
                "querystring" => query.Remove(wireName, out var values) && Checked(() => ValidateQueryValues(model, values, memberShape, $"{operation}.{member.Name}", errors)),
                "header" or "headers" => request.Header(wireName) is not null,
                _ => false,
            };
            if (location is null)
            {
                bodyMembers.Add(member.Name);
            }

            if (!present && location is not null && required.Contains(member.Name))
            {
                errors.Add($"{operation}: required member '{member.Name}' ({location} '{wireName}') is missing");
            }
        }

        errors.AddRange(query.Keys.Select(unknown => $"{operation}: unknown query parameter '{unknown}'"));
        // A shape with a payload member (Lambda Invoke's blob Payload) takes the body as that member, whatever it holds.
        if (request.Body.Length > 0 && !shape.TryGetProperty("payload", out _))
        {
            errors.Add($"{operation}: a body was sent but only {(bodyMembers.Count == 0 ? "no members" : string.Join(", ", bodyMembers))} could go there");
        }
    }

    private static void ValidateQueryValues(BotocoreModel model, List<string> values, string shapeName, string path, List<string> errors)
    {
        var shape = model.Shape(shapeName);
        if (shape.GetProperty("type").GetString() == "list")
        {
            CheckCount(shape, values.Count, path, errors);
            foreach (var value in values)
            {
                ValidateQueryScalar(model, value, shape.GetProperty("member").GetProperty("shape").GetString()!, path, errors);
            }
        }
        else if (values.Count != 1)
        {
            errors.Add($"{path}: {values.Count} values for a single member");
        }
        else
        {
            ValidateQueryScalar(model, values[0], shapeName, path, errors);
        }
    }

    private static bool Checked(Action check)
    {
        check();
        return true;
    }

    private static void ValidateScalar(BotocoreModel model, string value, string shapeName, string path, List<string> errors)
    {
        var shape = model.Shape(shapeName);
        if (shape.TryGetProperty("enum", out var values) && !values.EnumerateArray().Any(v => v.GetString() == value))
        {
            errors.Add($"{path}: '{value}' is not one of {shapeName}'s values");
        }

        if (shape.TryGetProperty("min", out var min) && value.Length < min.GetInt64())
        {
            errors.Add($"{path}: '{value}' is shorter than {shapeName}'s minimum {min}");
        }

        if (shape.TryGetProperty("max", out var max) && value.Length > max.GetInt64())
        {
            errors.Add($"{path}: longer than {shapeName}'s maximum {max}");
        }
    }

    private static void CheckCount(JsonElement shape, int count, string path, List<string> errors)
    {
        if (shape.TryGetProperty("min", out var min) && count < min.GetInt64())
        {
            errors.Add($"{path}: {count} items, fewer than the minimum {min}");
        }

        if (shape.TryGetProperty("max", out var max) && count > max.GetInt64())
        {
            errors.Add($"{path}: {count} items, more than the maximum {max}");
        }
    }

    private static void CheckRange(JsonElement shape, long number, string path, List<string> errors)
    {
        if (shape.TryGetProperty("min", out var min) && number < min.GetInt64())
        {
            errors.Add($"{path}: {number} is below the minimum {min}");
        }

        if (shape.TryGetProperty("max", out var max) && number > max.GetInt64())
        {
            errors.Add($"{path}: {number} is above the maximum {max}");
        }
    }

    private static IEnumerable<string> Required(JsonElement shape) =>
        shape.TryGetProperty("required", out var required) ? required.EnumerateArray().Select(r => r.GetString()!) : [];
}
