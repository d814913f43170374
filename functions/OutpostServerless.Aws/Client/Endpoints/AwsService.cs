namespace OutpostServerless.Aws.Client.Endpoints;

/// <summary>
/// What a client needs to know to address and sign for one AWS service, as its botocore model's
/// <c>metadata</c> states it.
/// </summary>
/// <param name="ServiceId">The model's <c>serviceId</c> (e.g. <c>CloudWatch</c>); names the <c>AWS_ENDPOINT_URL_*</c> variable.</param>
/// <param name="EndpointPrefix">The host prefix of the regional endpoint (<c>monitoring</c> for CloudWatch).</param>
/// <param name="SigningName">The service name in the SigV4 credential scope.</param>
/// <param name="GlobalEndpoint">The host of a global service (IAM), or null for a regional one.</param>
/// <param name="GlobalSigningRegion">The region a global service signs for (IAM: us-east-1).</param>
public sealed record AwsService(string ServiceId, string EndpointPrefix, string SigningName, string? GlobalEndpoint = null, string? GlobalSigningRegion = null)
{
    public static readonly AwsService Ec2 = new("EC2", "ec2", "ec2");
    public static readonly AwsService Ecs = new("ECS", "ecs", "ecs");
    public static readonly AwsService Iam = new("IAM", "iam", "iam", "iam.amazonaws.com", "us-east-1");
    public static readonly AwsService Outposts = new("Outposts", "outposts", "outposts");
    public static readonly AwsService CloudWatch = new("CloudWatch", "monitoring", "monitoring") { ActionPrefix = "cloudwatch" };
    public static readonly AwsService Ssm = new("SSM", "ssm", "ssm");
    public static readonly AwsService DynamoDb = new("DynamoDB", "dynamodb", "dynamodb");
    public static readonly AwsService StepFunctions = new("SFN", "states", "states");

    private readonly string? _actionPrefix;

    /// <summary>
    /// The service prefix of its IAM actions (<c>cloudwatch:GetMetricData</c>): the signing name but for
    /// CloudWatch, which signs as <c>monitoring</c>. Calls are named <c>{ActionPrefix}:{Operation}</c>.
    /// </summary>
    public string ActionPrefix
    {
        get => _actionPrefix ?? SigningName;
        init => _actionPrefix = value;
    }

    /// <summary>
    /// The service-specific endpoint variable: the service id upper-cased with spaces as
    /// underscores, as the AWS SDKs and CLI derive it (<c>AWS_ENDPOINT_URL_CLOUDWATCH</c>).
    /// </summary>
    public string EndpointVariable => "AWS_ENDPOINT_URL_" + ServiceId.Replace(' ', '_').ToUpperInvariant();
}
