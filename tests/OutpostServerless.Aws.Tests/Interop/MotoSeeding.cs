using System.Text;
using System.Text.Json;
using OutpostServerless.Aws.Client.Credentials;
using OutpostServerless.Aws.Client.Endpoints;
using OutpostServerless.Aws.Client.Http;
using OutpostServerless.Aws.Client.Retry;
using OutpostServerless.Aws.Protocols.Json;
using OutpostServerless.Aws.Protocols.Query;

namespace OutpostServerless.Aws.Tests.Interop;

/// <summary>
/// What the ECS agent and the Outpost's metric publisher do in a real Region, done to moto through
/// our signed pipeline: register an EC2 instance with a cluster, publish a metric datapoint.
/// These operations are not in our ports (no step calls them), so they go out as raw requests.
/// </summary>
internal sealed class MotoSeeding(Uri endpoint) : IDisposable
{
    private readonly HttpClient _http = new();

    private AwsHttpPipeline Pipeline => new(_http, SdkCredentialsProvider.Static("test", "test"), new StandardRetryPolicy(RetryOptions.Standard, Random.Shared), TimeProvider.System, TimeSpan.FromSeconds(30));

    private ServiceEndpoint Endpoint(AwsService service) => new(endpoint, "us-west-2", service.SigningName, IsCustom: true);

    public async Task<string> RegisterContainerInstanceAsync(string cluster, string instanceId)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(
            new Dictionary<string, string> { ["cluster"] = cluster, ["instanceIdentityDocument"] = $$"""{"instanceId":"{{instanceId}}","region":"us-west-2"}""" },
            SeedingJsonContext.Default.DictionaryStringString);
        var request = new AwsRequest("RegisterContainerInstance", HttpMethod.Post, "/", [], [new("X-Amz-Target", "AmazonEC2ContainerServiceV20141113.RegisterContainerInstance")], body, "application/x-amz-json-1.1");
        var response = await Pipeline.SendAsync(AwsService.Ecs, Endpoint(AwsService.Ecs), request, new JsonErrorParser(), CancellationToken.None);
        using var document = JsonDocument.Parse(response.Body);
        return document.RootElement.GetProperty("containerInstance").GetProperty("containerInstanceArn").GetString()!;
    }

    public async Task PutMetricDataAsync(string metricName, IReadOnlyList<(string Name, string Value)> dimensions, double value, DateTimeOffset timestamp)
    {
        var form = new StringBuilder($"Action=PutMetricData&Version=2010-08-01&Namespace=AWS%2FOutposts&MetricData.member.1.MetricName={metricName}");
        for (var i = 0; i < dimensions.Count; i++)
        {
            form.Append($"&MetricData.member.1.Dimensions.member.{i + 1}.Name={Uri.EscapeDataString(dimensions[i].Name)}&MetricData.member.1.Dimensions.member.{i + 1}.Value={Uri.EscapeDataString(dimensions[i].Value)}");
        }

        form.Append(System.Globalization.CultureInfo.InvariantCulture, $"&MetricData.member.1.Value={value}&MetricData.member.1.Timestamp={Uri.EscapeDataString(QueryParameters.Timestamp(timestamp))}");
        var request = new AwsRequest("PutMetricData", HttpMethod.Post, "/", [], [], Encoding.UTF8.GetBytes(form.ToString()), AwsQueryProtocol.ContentType);
        await Pipeline.SendAsync(AwsService.CloudWatch, Endpoint(AwsService.CloudWatch), request, new QueryErrorParser(), CancellationToken.None);
    }

    public void Dispose() => _http.Dispose();
}

[System.Text.Json.Serialization.JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class SeedingJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
