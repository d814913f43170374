using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using OutpostServerless.Emulator.CloudWatch;
using OutpostServerless.Emulator.DynamoDb;
using OutpostServerless.Emulator.Ec2;
using OutpostServerless.Emulator.Ecs;
using OutpostServerless.Emulator.Hosting;
using OutpostServerless.Emulator.Iam;
using OutpostServerless.Emulator.Outposts;
using OutpostServerless.Emulator.Ssm;
using OutpostServerless.Emulator.Wire.Http;
using OutpostServerless.Emulator.Wire.Protocols;
using OutpostServerless.Emulator.Wire.Signing;

namespace OutpostServerless.Emulator.Wire;

/// <summary>
/// The emulated Region over HTTP: one endpoint on 127.0.0.1 for EC2, ECS, IAM, Outposts, CloudWatch,
/// SSM and DynamoDB, each in its own AWS protocol, every request SigV4-verified, every operation answered
/// by <see cref="EmulatedCloud.Ports"/> — so HTTP calls are counted in the same
/// <see cref="EmulatedCloud.Calls"/> as in-process ones.
/// </summary>
/// <example>
/// <code>
/// await using var server = await EmulatorServer.StartAsync(cloud);
/// // aws --endpoint-url server.BaseUrl ec2 describe-vpcs
/// </code>
/// </example>
public sealed class EmulatorServer : IAsyncDisposable
{
    private readonly EmulatorServerOptions _options;
    private readonly WireDispatcher _dispatcher;
    private readonly IBrowserPages? _pages;
    private LoopbackHttpServer? _http;

    public EmulatorServer(EmulatedCloud cloud, EmulatorServerOptions? options = null)
        : this(cloud, options, [])
    {
    }

    /// <summary>
    /// The emulated Region plus <paramref name="services"/>: front-ends of services that live outside the emulator
    /// (the CLI's Step Functions, Lambda and EventBridge, which run on its engine and template), on the same
    /// endpoint, signature check and routing; and <paramref name="pages"/>, read by a browser without a signature.
    /// </summary>
    internal EmulatorServer(EmulatedCloud cloud, EmulatorServerOptions? options, IReadOnlyList<IWireFrontEnd> services, IBrowserPages? pages = null)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        _options = options ?? EmulatorServerOptions.Default;
        _pages = pages;
        Cloud = cloud;
        var ports = cloud.Ports;
        IReadOnlyList<IWireFrontEnd> frontEnds =
        [
            new Ec2QueryFrontEnd(ports.Ec2),
            new EcsJsonFrontEnd(ports.Ecs),
            new IamQueryFrontEnd(ports.Iam),
            new OutpostsRestJsonFrontEnd(ports.Outposts),
            new CloudWatchJsonFrontEnd(ports.CloudWatch),
            new CloudWatchQueryFrontEnd(ports.CloudWatch),
            new SsmJsonFrontEnd(ports.Ssm, cloud.Options.Region, cloud.Options.AccountId),
            new DynamoDbJsonFrontEnd(ports.DynamoDb),
            .. services,
        ];
        _dispatcher = new WireDispatcher(frontEnds, new SigV4Verifier(_options.AccessKeyId, _options.SecretAccessKey, _options.SignatureClock));
    }

    public EmulatedCloud Cloud { get; }

    /// <summary>The port listened on, once started.</summary>
    public int Port { get; private set; }

    /// <summary><c>http://127.0.0.1:{Port}</c>, the value for <c>--endpoint-url</c> / <c>AWS_ENDPOINT_URL</c>.</summary>
    public Uri BaseUrl => new($"http://127.0.0.1:{Port}");

    public static Task<EmulatorServer> StartAsync(EmulatedCloud cloud, EmulatorServerOptions? options = null, CancellationToken cancellationToken = default) =>
        StartAsync(cloud, options, [], cancellationToken);

    /// <inheritdoc cref="EmulatorServer(EmulatedCloud, EmulatorServerOptions?, IReadOnlyList{IWireFrontEnd}, IBrowserPages?)"/>
    internal static async Task<EmulatorServer> StartAsync(EmulatedCloud cloud, EmulatorServerOptions? options, IReadOnlyList<IWireFrontEnd> services, CancellationToken cancellationToken, IBrowserPages? pages = null)
    {
        var server = new EmulatorServer(cloud, options, services, pages);
        await server.StartAsync(cancellationToken);
        return server;
    }

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_http is not null)
        {
            throw new InvalidOperationException("The emulator server is already started.");
        }

        _http = await LoopbackHttpServer.StartAsync(_options.Port, ServeAsync, cancellationToken);
        Port = _http.Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (_http is { } http)
        {
            _http = null;
            await http.DisposeAsync();
        }
    }

    private async Task ServeAsync(HttpContext context)
    {
        var request = await ReadAsync(context);
        var response = _pages is { } pages && pages.Serves(request.RawPath)
            ? await pages.HandleAsync(request, context.RequestAborted)
            : await _dispatcher.HandleAsync(request, context.RequestAborted);
        context.Response.StatusCode = response.StatusCode;
        context.Response.ContentType = response.ContentType;
        context.Response.ContentLength = response.Body.Length;
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers[name] = value;
        }

        await context.Response.Body.WriteAsync(response.Body, context.RequestAborted);
    }

    private static async Task<WireRequest> ReadAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        // SigV4 signs the path and query as sent, so take them raw, before ASP.NET decodes them.
        var target = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var question = target.IndexOf('?', StringComparison.Ordinal);
        return new WireRequest
        {
            Method = context.Request.Method,
            RawPath = question < 0 ? target : target[..question],
            RawQuery = question < 0 ? string.Empty : target[(question + 1)..],
            Headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            Body = body.ToArray(),
        };
    }
}
