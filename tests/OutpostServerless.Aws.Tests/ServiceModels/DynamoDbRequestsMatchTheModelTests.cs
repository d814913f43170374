using Amazon.Runtime;
using Microsoft.Extensions.Time.Testing;
using OutpostServerless.Aws.Client.Endpoints;
using OutpostServerless.Aws.DynamoDb;
using OutpostServerless.Aws.Tests.Interop;
using OutpostServerless.Aws.Tests.Testing;
using OutpostServerless.Emulator;
using OutpostServerless.Emulator.Wire;
using OutpostServerless.Testing.Fakes;

namespace OutpostServerless.Aws.Tests.ServiceModels;

/// <summary>
/// DynamoDB goes through AWSSDK.DynamoDBv2's client, not ours: every request it sends for the
/// workflow's calls (the whole <see cref="DynamoDbScenario"/>, errors included), captured on its way to the
/// emulator's server, validates against botocore's <c>dynamodb</c> model.
/// </summary>
public sealed class DynamoDbRequestsMatchTheModelTests
{
    [Fact]
    public async Task Every_request_of_the_dynamodb_scenario_validates_against_the_botocore_model()
    {
        var clock = new FakeTimeProvider(EmulatorEndpoint.Start);
        var cloud = new EmulatedCloud(clock);
        await using var server = await EmulatorServer.StartAsync(cloud);
        var recorder = new RecordingHandler(new SocketsHttpHandler());
        var options = new AwsClientOptions { Region = "us-west-2", EndpointUrl = server.BaseUrl, Credentials = new BasicAWSCredentials("test", "test"), Environment = new FakeEnvironment() };
        using var client = AwsPortsFactory.DynamoDbClient(options, "us-west-2", new EndpointResolver(options.Environment).Resolve(AwsService.DynamoDb, "us-west-2", server.BaseUrl));
        ((Amazon.DynamoDBv2.AmazonDynamoDBConfig)client.Config).HttpClientFactory = new Recording(recorder);
        var ports = cloud.Ports with { DynamoDb = new SdkDynamoDb(() => client) };

        await DynamoDbScenario.RunAsync(ports, "records-a", () =>
        {
            clock.Advance(cloud.Options.Timings.TableCreation);
            return Task.CompletedTask;
        });

        var operations = recorder.Requests.Select(r => r.Header("X-Amz-Target")).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(
            ["DynamoDB_20120810.CreateTable", "DynamoDB_20120810.DeleteItem", "DynamoDB_20120810.DescribeTable", "DynamoDB_20120810.GetItem", "DynamoDB_20120810.PutItem", "DynamoDB_20120810.Query", "DynamoDB_20120810.UpdateItem"],
            operations);
        var violations = recorder.Requests.SelectMany(ServiceModelValidator.Validate).ToList();
        Assert.True(violations.Count == 0, "Requests that do not match the botocore model:\n" + string.Join('\n', violations));
    }

    private sealed class Recording(RecordingHandler handler) : HttpClientFactory
    {
        public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(handler, disposeHandler: false);

        public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;
    }
}
