using System.Net;
using Amazon.Runtime;
using OutpostServerless.Aws.Errors;
using OutpostServerless.Emulator.Wire.Http;

namespace OutpostServerless.Emulator.Wire.Protocols;

/// <summary>
/// What every awsQuery service shares: routing by <c>Action</c> and <c>Version</c>, the
/// <c>XxxResponse/XxxResult</c> envelope and error document, and <c>InvalidAction</c> for an action the
/// service does not emulate. A service maps one action to the members of its result.
/// </summary>
/// <param name="missingActionMessage">The service's own wording when <c>Action</c> is absent.</param>
internal abstract class AwsQueryFrontEnd(string signingName, string apiVersion, string xmlNamespace, string missingActionMessage) : IWireFrontEnd
{
    /// <summary>Answers an action that has no output: the envelope carries no Result element.</summary>
    protected static readonly QueryResult NoOutput = new(null);

    public string SigningName => signingName;

    public WireProtocol Protocol => WireProtocol.AwsQuery;

    public bool Accepts(WireRequest request)
    {
        var parameters = QueryParameters.From(request);
        return parameters.Action is not null && parameters.Version == apiVersion;
    }

    public async Task<WireResponse> HandleAsync(WireRequest request, string requestId, CancellationToken cancellationToken)
    {
        var parameters = QueryParameters.From(request);
        var action = parameters.Action ?? throw Refusal("MissingAction", missingActionMessage);
        var result = await InvokeAsync(action, parameters, cancellationToken)
            ?? throw Refusal("InvalidAction", $"Could not find operation {action} for version {apiVersion}");
        return AwsQueryProtocol.Response(action, xmlNamespace, requestId, result.WriteMembers);
    }

    public WireResponse Error(AmazonServiceException error, string requestId) => AwsQueryProtocol.Error(error, xmlNamespace, requestId);

    /// <summary>The result of <paramref name="action"/>, or null when the service does not emulate it.</summary>
    protected abstract Task<QueryResult?> InvokeAsync(string action, QueryParameters parameters, CancellationToken cancellationToken);

    private AwsServiceError Refusal(string code, string message) => new(signingName, code, message, HttpStatusCode.BadRequest);

    /// <summary>The members an action's Result element holds; null members for an action without output.</summary>
    protected sealed record QueryResult(Action<XmlResponseWriter>? WriteMembers);
}
