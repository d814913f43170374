using OutpostServerless.Aws.CloudWatch;
using OutpostServerless.Aws.DynamoDb;
using OutpostServerless.Aws.Ec2;
using OutpostServerless.Aws.Ecs;
using OutpostServerless.Aws.Iam;
using OutpostServerless.Aws.Outposts;
using OutpostServerless.Aws.Ssm;

namespace OutpostServerless.Aws;

/// <summary>Every AWS service a provisioning step may reach, one narrow port each (DynamoDB holds the workflow's own records).</summary>
public sealed record AwsPorts(IEc2 Ec2, IEcs Ecs, IIam Iam, IOutposts Outposts, ICloudWatch CloudWatch, ISsm Ssm, IDynamoDb DynamoDb);
