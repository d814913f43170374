using System.Text.RegularExpressions;
using OutpostServerless.Cli.Tests.Local;
using OutpostServerless.Cli.Tests.StateFiles;
using OutpostServerless.Emulator.Tests.Wire;
using static OutpostServerless.Emulator.Tests.Wire.CliJson;

namespace OutpostServerless.Cli.Tests.Wire;

/// <summary>
/// Per egress mode: a run on a state file SUCCEEDS, then the AWS CLI against <c>emulator serve --state-file</c> on
/// that world shows the subnet's default route to the gateway and the instances' public or customer-owned IPs.
/// </summary>
public sealed partial class EgressThroughTheAwsCliTests
{
    [Theory]
    [InlineData("web-service.json", "GatewayId", "igw-", "PublicIpAddress", "54.200.")]
    [InlineData("web-service-local-gateway.json", "LocalGatewayId", "lgw-", "CustomerOwnedIp", "198.51.100.")]
    public async Task The_AWS_CLI_shows_the_default_route_and_the_instances_addresses_of_a_run(
        string example, string routeTarget, string targetPrefix, string addressMember, string addressPrefix)
    {
        using var found = await AwsCli.RequireAsync(AwsCliVersion.V2);

        var stateFile = Path.Combine(Path.GetTempPath(), $"outpost-serverless-egress-{Guid.NewGuid():N}.json");
        try
        {
            var request = LocalRun.Example(example);
            var run = await LocalRun.RunAsync(request, stateFile: stateFile);
            Assert.Equal("SUCCEEDED", run.Execution.Status);
            var provisioningId = request["provisioningId"]!.GetValue<string>();

            await using var serve = await CliProcess.StartAndWaitForAsync("Serving until Ctrl+C.", "emulator", "serve", "--port", "0", "--state-file", stateFile);
            var aws = found.With(new Uri(Endpoint().Match(serve.Output).Groups[1].Value));
            var tables = (await aws.JsonAsync("ec2", "describe-route-tables", "--filters", $"Name=tag:outpost-serverless:provisioning-id,Values={provisioningId}"))["RouteTables"]!.AsArray();
            var instances = (await aws.JsonAsync("ec2", "describe-instances", "--filters", $"Name=tag:outpost-serverless:provisioning-id,Values={provisioningId}", "Name=instance-state-name,Values=running"))["Reservations"]!
                .AsArray().SelectMany(r => r!["Instances"]!.AsArray()).ToList();

            var table = Assert.Single(tables)!;
            var route = table["Routes"]!.AsArray().Single(r => Text(r!["DestinationCidrBlock"]) == "0.0.0.0/0")!;
            Assert.StartsWith(targetPrefix, Text(route[routeTarget]), StringComparison.Ordinal);
            Assert.Equal("active", Text(route["State"]));
            Assert.Equal(request["cluster"]!["instanceCount"]!.GetValue<int>(), instances.Count);
            Assert.All(instances, i =>
            {
                Assert.Equal(Text(table["Associations"]![0]!["SubnetId"]), Text(i!["SubnetId"]));
                var address = addressMember == "PublicIpAddress" ? i["PublicIpAddress"] : i["NetworkInterfaces"]![0]!["Association"]![addressMember];
                Assert.StartsWith(addressPrefix, Text(address), StringComparison.Ordinal);
            });
        }
        finally
        {
            File.Delete(stateFile);
            File.Delete(stateFile + ".lock");
            File.Delete(stateFile + ".lock.info");
        }
    }

    [GeneratedRegex(@"AWS_ENDPOINT_URL=(\S+)")]
    private static partial Regex Endpoint();
}
