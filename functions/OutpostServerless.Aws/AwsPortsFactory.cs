using Amazon;
using Amazon.DynamoDBv2;
using Amazon.EC2;
using Amazon.Runtime;
using Amazon.SimpleSystemsManagement;
using OutpostServerless.Aws.Client;
using OutpostServerless.Aws.Client.Credentials;
using OutpostServerless.Aws.Client.Endpoints;
using OutpostServerless.Aws.Client.Http;
using OutpostServerless.Aws.Client.Retry;
using OutpostServerless.Aws.CloudWatch;
using OutpostServerless.Aws.DynamoDb;
using OutpostServerless.Aws.Ec2;
using OutpostServerless.Aws.Ecs;
using OutpostServerless.Aws.Iam;
using OutpostServerless.Aws.Outposts;
using OutpostServerless.Aws.Ssm;
using OutpostServerless.Aws.StepFunctions;

namespace OutpostServerless.Aws;

/// <summary>
/// Builds every port over real AWS (or any AWS-compatible endpoint): ECS, IAM, Outposts and
/// CloudWatch through our protocol clients, EC2, DynamoDB and SSM through the AWSSDK clients, all with
/// the same Region, endpoint resolution, credentials and retry budget.
/// </summary>
public static class AwsPortsFactory
{
    public static AwsClients Create(AwsClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var region = new RegionResolver(options.Environment).Resolve(options.Region);
        var resolver = new EndpointResolver(options.Environment);
        var endpoints = new[] { AwsService.Ec2, AwsService.Ecs, AwsService.Iam, AwsService.Outposts, AwsService.CloudWatch, AwsService.Ssm, AwsService.DynamoDb, AwsService.StepFunctions }
            .ToDictionary(s => s.SigningName, s => resolver.Resolve(s, region, options.EndpointUrl));

        ICredentialsProvider credentials = options.Credentials is null ? new DefaultChainCredentialsProvider() : new SdkCredentialsProvider(options.Credentials);
        var http = new HttpClient(options.Handler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }, disposeHandler: true)
        {
            Timeout = Timeout.InfiniteTimeSpan, // each attempt has its own timeout in the pipeline
        };
        var retry = RetryFor(options);
        var pipeline = new AwsHttpPipeline(http, credentials, new StandardRetryPolicy(retry, options.Random), options.Clock, options.AttemptTimeout, options.CallObserver, options.Environment);
        var ec2 = new SdkClientOnFirstUse<AmazonEC2Client>(() => Ec2Client(options with { Retry = retry }, region, endpoints[AwsService.Ec2.SigningName]));
        var dynamoDb = new SdkClientOnFirstUse<AmazonDynamoDBClient>(() => DynamoDbClient(options with { Retry = retry }, region, endpoints[AwsService.DynamoDb.SigningName]));
        var ssm = new SdkClientOnFirstUse<AmazonSimpleSystemsManagementClient>(() => SsmClient(options with { Retry = retry }, region, endpoints[AwsService.Ssm.SigningName]));

        var ports = new AwsPorts(
            new SdkEc2(() => ec2.Client),
            new EcsClient(pipeline, endpoints[AwsService.Ecs.SigningName]),
            new IamClient(pipeline, endpoints[AwsService.Iam.SigningName]),
            new OutpostsClient(pipeline, endpoints[AwsService.Outposts.SigningName]),
            new CloudWatchClient(pipeline, endpoints[AwsService.CloudWatch.SigningName]),
            new SdkSsm(() => ssm.Client),
            new SdkDynamoDb(() => dynamoDb.Client));
        return new AwsClients(ports, region, endpoints, http, [ec2, dynamoDb, ssm], new StepFunctionsClient(pipeline, endpoints[AwsService.StepFunctions.SigningName]));
    }

    /// <summary>
    /// The SDK client configured like ours: the endpoint we resolved (the SDK is told to ignore the
    /// environment's, so both resolve alike), standard retries with the same attempt budget, the same call observer.
    /// </summary>
    public static AmazonEC2Client Ec2Client(AwsClientOptions options, string region, ServiceEndpoint endpoint)
    {
        var config = Configure(new AmazonEC2Config(), options, region, endpoint);
        return (options.Credentials, options.CallObserver) switch
        {
            (null, null) => new AmazonEC2Client(config),
            (null, { } observer) => new ObservedEc2Client(config, observer),
            ({ } credentials, null) => new AmazonEC2Client(credentials, config),
            ({ } credentials, { } observer) => new ObservedEc2Client(credentials, config, observer),
        };
    }

    /// <summary>The SDK's DynamoDB client, configured as <see cref="Ec2Client"/> is.</summary>
    public static AmazonDynamoDBClient DynamoDbClient(AwsClientOptions options, string region, ServiceEndpoint endpoint)
    {
        var config = Configure(new AmazonDynamoDBConfig(), options, region, endpoint);
        return (options.Credentials, options.CallObserver) switch
        {
            (null, null) => new AmazonDynamoDBClient(config),
            (null, { } observer) => new ObservedDynamoDbClient(config, observer),
            ({ } credentials, null) => new AmazonDynamoDBClient(credentials, config),
            ({ } credentials, { } observer) => new ObservedDynamoDbClient(credentials, config, observer),
        };
    }

    /// <summary>The SDK's SSM client, configured as <see cref="Ec2Client"/> is.</summary>
    public static AmazonSimpleSystemsManagementClient SsmClient(AwsClientOptions options, string region, ServiceEndpoint endpoint)
    {
        var config = Configure(new AmazonSimpleSystemsManagementConfig(), options, region, endpoint);
        return (options.Credentials, options.CallObserver) switch
        {
            (null, null) => new AmazonSimpleSystemsManagementClient(config),
            (null, { } observer) => new ObservedSsmClient(config, observer),
            ({ } credentials, null) => new AmazonSimpleSystemsManagementClient(credentials, config),
            ({ } credentials, { } observer) => new ObservedSsmClient(credentials, config, observer),
        };
    }

    private static T Configure<T>(T config, AwsClientOptions options, string region, ServiceEndpoint endpoint)
        where T : ClientConfig
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(endpoint);
        config.RetryMode = RequestRetryMode.Standard;
        config.MaxErrorRetry = RetryFor(options).MaxAttempts - 1;
        config.Timeout = options.AttemptTimeout;
        config.IgnoreConfiguredEndpointUrls = true;
        if (endpoint.IsCustom)
        {
            config.ServiceURL = endpoint.Url.ToString();
            config.AuthenticationRegion = endpoint.SigningRegion;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }

        return config;
    }

    /// <summary>The explicit budget, else <c>AWS_MAX_ATTEMPTS</c> (a positive integer), else standard mode's 3 attempts.</summary>
    public static RetryOptions RetryFor(AwsClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Retry is not null)
        {
            return options.Retry;
        }

        return int.TryParse(options.Environment.GetVariable("AWS_MAX_ATTEMPTS"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var attempts) && attempts >= 1
            ? RetryOptions.Standard with { MaxAttempts = attempts }
            : RetryOptions.Standard;
    }
}
