using System.Text.Json.Nodes;

namespace OutpostServerless.Functions.Tests.Support;

/// <summary>Events a step's handler accepts: a whole plan, as ValidateRequest makes it.</summary>
internal static class StepEvents
{
    /// <summary><c>{"plan": …}</c> for <paramref name="provisioningId"/>, with the state machine's retry count when given.</summary>
    public static string Plan(string provisioningId, int? retryCount = null)
    {
        var plan = JsonNode.Parse($$$"""
            {"provisioningId":"{{{provisioningId}}}","executionId":"{{{provisioningId}}}-run-1","outpostArn":"arn:aws:outposts:us-west-2:123456789012:outpost/op-0123456789abcdef0",
            "outpostId":"op-0123456789abcdef0","region":"us-west-2","accountId":"123456789012","availabilityZoneId":"usw2-az1",
            "network":{"vpcCidr":"10.0.0.0/16","subnetCidr":"10.0.3.0/24","securityGroupName":"{{{provisioningId}}}-container-instances","ingress":[],"egress":{"mode":"internet-gateway"}},
            "iam":{"roleName":"r","instanceProfileName":"r","managedPolicyArns":[]},
            "cluster":{"name":"c","instanceType":"c5.large","instanceCount":1,"imagePullBehavior":"prefer-cached","containerInstanceTags":{}},
            "workload":{"mode":"task","taskDefinition":{},"family":"f","desiredCount":1},
            "capacityWait":{"maxSeconds":60,"pollSeconds":10},"rollbackOnFailure":true}
            """);
        var stepEvent = new JsonObject { ["plan"] = plan };
        if (retryCount is { } count)
        {
            stepEvent["retryCount"] = count;
        }

        return stepEvent.ToJsonString();
    }
}
