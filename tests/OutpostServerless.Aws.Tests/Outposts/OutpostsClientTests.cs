using System.Net;
using OutpostServerless.Aws.Errors;
using OutpostServerless.Aws.Outposts;
using OutpostServerless.Aws.Tests.Testing;

namespace OutpostServerless.Aws.Tests.Outposts;

/// <summary>The Outposts client against recorded Outposts answers; every request it sends must match the botocore model.</summary>
public sealed class OutpostsClientTests : IDisposable
{
    private const string OutpostArn = "arn:aws:outposts:us-west-2:123456789012:outpost/op-0123456789abcdef0";
    private readonly ClientHarness _harness = new(checkModelsOnDispose: true);

    public void Dispose() => _harness.Dispose();

    private void Respond(string body, HttpStatusCode status = HttpStatusCode.OK, params (string, string)[] headers) =>
        _harness.Handler.Respond(status, body, "application/json", [("x-amzn-RequestId", "c0ffee00-1234-4abc-9def-0123456789ab"), .. headers]);

    [Fact]
    public async Task GetOutpost_gets_the_outpost_path_signed_for_outposts()
    {
        Respond("""
            {"Outpost":{"AvailabilityZone":"us-west-2a","AvailabilityZoneId":"usw2-az1","LifeCycleStatus":"ACTIVE","Name":"rack-1","OutpostArn":"arn:aws:outposts:us-west-2:123456789012:outpost/op-0123456789abcdef0","OutpostId":"op-0123456789abcdef0","OwnerId":"123456789012","SiteArn":"arn:aws:outposts:us-west-2:123456789012:site/os-0abcdef0123456789","SiteId":"os-0abcdef0123456789","SupportedHardwareType":"RACK","Tags":{"env":"prod"}}}
            """);

        var response = await _harness.Outposts.GetOutpostAsync(new GetOutpostRequest("op-0123456789abcdef0"));

        var request = _harness.Handler.LastRequest;
        Assert.Equal((HttpMethod.Get, "https://outposts.us-west-2.amazonaws.com/outposts/op-0123456789abcdef0"), (request.Method, request.Url.ToString()));
        Assert.Empty(request.Body);
        Assert.Null(request.Header("Content-Type"));
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250106/us-west-2/outposts/aws4_request, SignedHeaders=host;x-amz-date, ", request.Header("Authorization"), StringComparison.Ordinal);
        Assert.Equal(("ACTIVE", "usw2-az1", "RACK"), (response.Outpost.LifeCycleStatus, response.Outpost.AvailabilityZoneId, response.Outpost.SupportedHardwareType));
        Assert.Equal("prod", response.Outpost.Tags["env"]);
    }

    [Fact]
    public async Task An_outpost_arn_is_one_percent_encoded_path_label()
    {
        Respond("""{"InstanceTypes":[{"InstanceType":"c5.large","VCPUs":2},{"InstanceType":"m5.xlarge","VCPUs":4}],"OutpostArn":"arn:aws:outposts:us-west-2:123456789012:outpost/op-0123456789abcdef0","OutpostId":"op-0123456789abcdef0"}""");

        var response = await _harness.Outposts.GetOutpostInstanceTypesAsync(new GetOutpostInstanceTypesRequest { OutpostId = OutpostArn, MaxResults = 100 });

        Assert.Equal(
            "/outposts/arn%3Aaws%3Aoutposts%3Aus-west-2%3A123456789012%3Aoutpost%2Fop-0123456789abcdef0/instanceTypes?MaxResults=100",
            _harness.Handler.LastRequest.Url.PathAndQuery);
        Assert.Equal([new InstanceTypeItem("c5.large", 2), new InstanceTypeItem("m5.xlarge", 4)], response.InstanceTypes);
        Assert.Equal(OutpostArn, response.OutpostArn);
    }

    [Fact]
    public async Task ListOutposts_gets_the_collection_path_with_paging_and_each_filter_value_and_reads_shared_Outposts_owner()
    {
        Respond("""
            {"NextToken":"next-page","Outposts":[{"AvailabilityZone":"us-west-2a","AvailabilityZoneId":"usw2-az1","LifeCycleStatus":"ACTIVE","OutpostArn":"arn:aws:outposts:us-west-2:111122223333:outpost/op-0123456789abcdef1","OutpostId":"op-0123456789abcdef1","OwnerId":"111122223333","SupportedHardwareType":"RACK"}]}
            """);

        var response = await _harness.Outposts.ListOutpostsAsync(new ListOutpostsRequest
        {
            MaxResults = 10,
            NextToken = "this-page",
            LifeCycleStatusFilter = ["ACTIVE"],
            AvailabilityZoneFilter = ["us-west-2a"],
            AvailabilityZoneIdFilter = ["usw2-az1", "usw2-az2"],
        });

        Assert.Equal(
            "/outposts?MaxResults=10&NextToken=this-page&LifeCycleStatusFilter=ACTIVE&AvailabilityZoneFilter=us-west-2a&AvailabilityZoneIdFilter=usw2-az1&AvailabilityZoneIdFilter=usw2-az2",
            _harness.Handler.LastRequest.Url.PathAndQuery);
        var outpost = Assert.Single(response.Outposts);
        Assert.Equal(("op-0123456789abcdef1", "111122223333", "next-page"), (outpost.OutpostId, outpost.OwnerId, response.NextToken));
    }

    [Fact]
    public async Task ListAssets_sends_paging_and_each_status_filter_and_reads_capacities()
    {
        Respond("""
            {"Assets":[{"AssetId":"a-1","AssetLocation":{"RackElevation":12.0},"AssetType":"COMPUTE","ComputeAttributes":{"HostId":"h-1","InstanceFamilies":["c5"],"InstanceTypeCapacities":[{"Count":4,"InstanceType":"c5.large"}],"MaxVcpus":48,"State":"ACTIVE"},"RackId":"fc-1"}],"NextToken":"next-page"}
            """);

        var response = await _harness.Outposts.ListAssetsAsync(new ListAssetsRequest { OutpostIdentifier = "op-0123456789abcdef0", StatusFilter = ["ACTIVE", "RETIRING"], MaxResults = 50, NextToken = "this-page" });

        Assert.Equal(
            "/outposts/op-0123456789abcdef0/assets?MaxResults=50&NextToken=this-page&StatusFilter=ACTIVE&StatusFilter=RETIRING",
            _harness.Handler.LastRequest.Url.PathAndQuery);
        var asset = Assert.Single(response.Assets);
        Assert.Equal(("a-1", "ACTIVE", "next-page"), (asset.AssetId, asset.ComputeAttributes!.State, response.NextToken));
        Assert.Equal([new InstanceTypeCapacity("c5.large", 4)], asset.ComputeAttributes.InstanceTypeCapacities);
    }

    [Fact]
    public async Task A_missing_outpost_is_a_not_found_error_typed_by_the_header()
    {
        Respond("""{"Message":"Outpost op-0123456789abcdef1 not found."}""", HttpStatusCode.NotFound, ("X-Amzn-Errortype", "NotFoundException:http://internal.amazon.com/coral/com.amazonaws.outposts/"));

        var error = await Assert.ThrowsAsync<AwsServiceError>(() => _harness.Outposts.GetOutpostAsync(new GetOutpostRequest("op-0123456789abcdef1")));

        Assert.Equal(
            ("outposts", "NotFoundException", "Outpost op-0123456789abcdef1 not found.", HttpStatusCode.NotFound, "c0ffee00-1234-4abc-9def-0123456789ab"),
            (error.Service, error.ErrorCode, error.Message, error.StatusCode, error.RequestId));
    }
}
