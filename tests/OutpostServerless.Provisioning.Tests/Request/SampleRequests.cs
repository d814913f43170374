using System.Text.Json.Nodes;

namespace OutpostServerless.Provisioning.Tests.Request;

/// <summary>
/// Two valid requests of our own, the shapes platform teams send: a web service kept running and a
/// batch job run once. Tests vary them with <see cref="RequestEdit"/>.
/// </summary>
public static class SampleRequests
{
    /// <summary>A web service: existing-VPC-free, explicit names and ingress, most members given.</summary>
    public const string WebService = """
        {
          "provisioningId": "shop-web",
          "outpostArn": "arn:aws:outposts:us-west-2:111122223333:outpost/op-0abcdef0123456789",
          "availabilityZoneId": "usw2-az2",
          "network": {
            "vpcCidr": "10.20.0.0/16",
            "subnetCidr": "10.20.4.0/24",
            "ingress": [
              { "protocol": "tcp", "fromPort": 443, "toPort": 443, "cidr": "0.0.0.0/0", "description": "HTTPS from anywhere" },
              { "protocol": "tcp", "fromPort": 22, "cidr": "10.20.4.0/24", "description": "SSH inside the subnet" },
              { "protocol": "icmp", "fromPort": 8, "cidr": "10.0.0.0/8" }
            ]
          },
          "iam": {
            "roleName": "shop-web-instances",
            "managedPolicyArns": [
              "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore",
              "arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role"
            ]
          },
          "cluster": {
            "name": "shop",
            "instanceType": "c5.xlarge",
            "instanceCount": 3,
            "amiId": "ami-0123456789abcdef0",
            "keyName": "shop-ops",
            "imagePullBehavior": "once",
            "containerInstanceTags": { "environment": "Outpost", "team": "shop" }
          },
          "workload": {
            "mode": "service",
            "serviceName": "shop-frontend",
            "desiredCount": 3,
            "taskDefinition": {
              "family": "shop-web",
              "networkMode": "bridge",
              "requiresCompatibilities": ["EC2"],
              "containerDefinitions": [
                {
                  "name": "web",
                  "image": "111122223333.dkr.ecr.us-west-2.amazonaws.com/shop/web:4.2.0",
                  "memory": 512,
                  "portMappings": [{ "containerPort": 8443, "hostPort": 443, "protocol": "tcp" }]
                }
              ]
            }
          },
          "capacityWait": { "maxSeconds": 7200, "pollSeconds": 120 },
          "onFailure": "retain"
        }
        """;

    /// <summary>A nightly batch job: only the required members, everything else defaulted.</summary>
    public const string BatchTask = """
        {
          "outpostArn": "arn:aws:outposts:us-west-2:111122223333:outpost/op-0abcdef0123456789",
          "availabilityZoneId": "usw2-az2",
          "network": { "vpcId": "vpc-0a1b2c3d4e5f67890", "subnetCidr": "172.31.96.0/20" },
          "cluster": { "instanceType": "m5.large", "instanceCount": 1 },
          "workload": {
            "mode": "task",
            "taskDefinition": {
              "family": "ledger-reconcile",
              "containerDefinitions": [
                { "name": "reconcile", "image": "public.ecr.aws/docker/library/busybox:1.36", "memory": 256,
                  "command": ["sh", "-c", "echo reconciling\nsleep 30"] }
              ]
            }
          }
        }
        """;

    public const string BatchExecutionName = "ledger-reconcile-2024-06-01";

    public static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}
