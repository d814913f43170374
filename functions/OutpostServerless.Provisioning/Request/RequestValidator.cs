using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using OutpostServerless.Provisioning.Errors;

namespace OutpostServerless.Provisioning.Request;

/// <summary>
/// Turns a raw provisioning request into a <see cref="ProvisioningPlan"/>, or into every field error
/// it has. Two layers: the JSON Schema (types, required and unknown members, formats, ranges), then
/// the rules the schema cannot say (CIDR arithmetic, names AWS would refuse, Fargate, SSH open to the
/// world, …). Where both have something to say about a field, the rule's message wins: it is the more
/// specific. Malformed input of any kind ends as field errors, never as an exception.
/// </summary>
public sealed class RequestValidator
{
    /// <summary>Step Functions' limit on an execution's input and every state's payload, in UTF-8 bytes.</summary>
    public const int MaxRequestBytes = 262_144;

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Measure the request as Step Functions does, in plain UTF-8, not with non-ASCII escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = false,
    };

    private readonly RequestSchema schema;
    private readonly List<IRequestRule> rules =
    [
        new IdentityRule(),
        new NetworkRule(),
        new EgressRule(),
        new SecurityGroupRule(),
        new IamRule(),
        new ClusterRule(),
        new WorkloadRule(),
        new FargateRule(),
        new ControlCharacterRule(),
    ];

    private readonly int defaultCapacityWaitSeconds;

    public RequestValidator()
        : this(RequestSchema.Shared)
    {
    }

    /// <param name="schema">The request schema.</param>
    /// <param name="defaultCapacityWaitSeconds">
    /// capacityWait.maxSeconds when a request leaves it out: the stack's DefaultCapacityWaitSeconds parameter.
    /// </param>
    /// <param name="allowedManagedPolicyArns">
    /// The only managed policies a request may ask for besides the ECS instance policy (the stack's
    /// AllowedManagedPolicyArns parameter); null: any.
    /// </param>
    public RequestValidator(RequestSchema schema, int defaultCapacityWaitSeconds = RequestDefaults.CapacityWaitMaxSeconds, IReadOnlyCollection<string>? allowedManagedPolicyArns = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(defaultCapacityWaitSeconds);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(defaultCapacityWaitSeconds, RequestDefaults.CapacityWaitMaxSecondsLimit);
        this.schema = schema;
        this.defaultCapacityWaitSeconds = defaultCapacityWaitSeconds;
        if (allowedManagedPolicyArns is not null)
        {
            rules.Add(new ManagedPolicyAllowListRule(allowedManagedPolicyArns));
        }
    }

    public RequestSchema Schema => schema;

    public RequestValidation Validate(JsonNode? request, string? executionName)
    {
        if (request is null)
        {
            return Invalid(new FieldError("$", "is missing: the execution input has no request", "start the execution with the provisioning request as its \"request\""));
        }

        if (Normalize(request) is not ({ } bytes, { } document, { } node))
        {
            return Invalid(new FieldError("$", "is not JSON that can be read back (a duplicate member name, or nesting deeper than 64 levels)", "send the request as plain JSON with each member name once"));
        }

        using (document)
        {
            if (bytes.Length > MaxRequestBytes)
            {
                return Invalid(new FieldError(
                    "$",
                    $"is {bytes.Length:N0} bytes; Step Functions accepts at most {MaxRequestBytes:N0} bytes (256 KiB) of input",
                    "make the request smaller: move large task definition content (environment, secrets) to SSM parameters or Secrets Manager and reference them"));
            }

            var schemaErrors = schema.Evaluate(document.RootElement, node);
            var ruleErrors = new List<FieldError>();
            if (node is JsonObject root)
            {
                var doc = new RequestDocument(root, executionName);
                foreach (var rule in rules)
                {
                    rule.Check(doc, ruleErrors);
                }
            }

            var fieldsWithRuleErrors = ruleErrors.Select(e => e.Field).ToHashSet(StringComparer.Ordinal);
            var errors = schemaErrors.Where(e => !fieldsWithRuleErrors.Contains(e.Field)).Concat(ruleErrors).Distinct().ToList();
            if (errors.Count > 0)
            {
                return Invalid([.. OrderByDocument(errors)]);
            }

            return Build(node, executionName);
        }
    }

    private RequestValidation Build(JsonNode node, string? executionName)
    {
        ProvisioningRequest? request;
        try
        {
            request = node.Deserialize(RequestJsonContext.Default.ProvisioningRequest);
        }
        catch (JsonException e)
        {
            // Only reachable if the schema and the records disagree; still a field error, not a crash.
            var field = e.Path is { Length: > 2 } path ? path[2..] : "$";
            return Invalid(new FieldError(field, "cannot be read as the request's type", "write it as request.schema.json describes"));
        }

        var provisioningId = request!.ProvisioningId ?? executionName!;
        return RequestValidation.Valid(PlanBuilder.Build(request, provisioningId, executionName, defaultCapacityWaitSeconds));
    }

    private IEnumerable<FieldError> OrderByDocument(IEnumerable<FieldError> errors)
    {
        var order = schema.TopLevelMembers;
        return errors.OrderBy(e =>
        {
            var top = e.Field.Split('.', '[')[0];
            var rank = order.IndexOf(top);
            return rank < 0 ? (e.Field == "$" ? -1 : order.Length) : rank;
        });
    }

    /// <summary>
    /// The request as UTF-8 bytes, a JsonDocument for the schema and a fresh JsonNode for the rules,
    /// all from one serialization: whatever the caller built, everything downstream sees plain parsed
    /// JSON. Null when the node cannot be written or read back.
    /// </summary>
    private static (byte[] Bytes, JsonDocument Document, JsonNode Node)? Normalize(JsonNode request)
    {
        try
        {
            var buffer = new System.Buffers.ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            {
                request.WriteTo(writer);
            }

            var bytes = buffer.WrittenSpan.ToArray();
            // Duplicate member names are refused here, where they can be reported, rather than
            // surfacing later as an exception from a lazily built JsonObject.
            var options = new JsonDocumentOptions { AllowDuplicateProperties = false };
            var document = JsonDocument.Parse(bytes, options);
            var node = JsonNode.Parse(bytes, documentOptions: options);
            if (node is null)
            {
                document.Dispose();
                return null;
            }

            return (bytes, document, node);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }

    private static RequestValidation Invalid(params FieldError[] errors) => RequestValidation.Invalid(errors);

    private static RequestValidation Invalid(IReadOnlyList<FieldError> errors) => RequestValidation.Invalid(errors);
}
