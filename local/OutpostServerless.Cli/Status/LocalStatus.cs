using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Logging.Abstractions;
using OutpostServerless.Local.StateFiles;
using OutpostServerless.Local.Workflow;
using OutpostServerless.Provisioning.Queue;
using OutpostServerless.Provisioning.Records;
using OutpostServerless.Provisioning.Status;
using OutpostServerless.Provisioning.Steps;

namespace OutpostServerless.Cli.Status;

/// <summary>
/// <c>status &lt;provisioningId&gt;</c> locally: the domain's <see cref="ProvisioningStatusReader"/> (what the API function
/// runs for GET /provisionings/{id}) on the state file's world, whose Provisionings table (named, as every local
/// table, after its logical id) holds the record. Reads only: the world is not saved.
/// </summary>
public static class LocalStatus
{
    /// <exception cref="UnknownProvisioningException">The world holds no record of the id.</exception>
    /// <exception cref="StateFileException">The state file is held by another command, or cannot be read.</exception>
    public static async Task<ProvisioningStatusReport> ReadAsync(string provisioningId, string? stateFilePath, CancellationToken cancellationToken)
    {
        if (stateFilePath is null)
        {
            throw new UnknownProvisioningException(provisioningId, null);
        }

        await using var stateFile = await StateFile.OpenAsync(stateFilePath, "status", cancellationToken);
        var (cloud, clock) = stateFile.LoadOnVirtualClock();
        var reader = new ProvisioningStatusReader(
            new ProvisioningRecords(cloud.Ports.DynamoDb, ProvisioningRecordOptions.Default.TableName),
            new DescribeProvisioning(cloud.Ports, NullLogger<DescribeProvisioning>.Instance),
            new PlanProvisioning(cloud.Ports, NullLogger<PlanProvisioning>.Instance),
            new CapacityQueue(cloud.Ports.DynamoDb, CapacityQueue.DefaultTableName),
            clock);
        try
        {
            return await reader.ReadAsync(provisioningId, cancellationToken) ?? throw new UnknownProvisioningException(provisioningId, stateFile.Path);
        }
        catch (ResourceNotFoundException)
        {
            // A world no run has used yet: the template's tables are deployed by the first run.
            throw new UnknownProvisioningException(provisioningId, stateFile.Path);
        }
    }
}
