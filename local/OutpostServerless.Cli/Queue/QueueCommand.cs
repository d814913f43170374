using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using OutpostServerless.Cli.Output;
using OutpostServerless.Cli.Run;
using OutpostServerless.Local.StateFiles;
using OutpostServerless.Local.Workflow;
using OutpostServerless.Provisioning.Queue;
using Spectre.Console;

namespace OutpostServerless.Cli.Queue;

/// <summary>
/// <c>queue [--outpost ARN] [--state-file F] [--json]</c>: the provisionings waiting for Outpost capacity (and those
/// holding slots they were given), per Outpost and instance type, in the order they will be served. Reads only.
/// </summary>
public static class QueueCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var outpost = new Option<string?>("--outpost") { Description = "Only this Outpost (ARN or id); default: every Outpost the account sees." };
        var stateFile = new Option<FileInfo?>("--state-file") { Description = "The emulated world (as run --state-file); only read." };
        var json = new Option<bool>("--json") { Description = "Print one JSON array: provisioningId, outpostId, instanceType, slotsNeeded, status, position, slotsAhead, since, bypassed." };
        var command = new Command("queue", "List the provisionings waiting for Outpost capacity, in the order they will be served.") { outpost, stateFile, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            IReadOnlyList<QueuePlace> places;
            try
            {
                places = await ReadAsync(parse.GetValue(outpost), parse.GetValue(stateFile)?.FullName, cancellationToken);
            }
            catch (Exception refused) when (refused is StateFileException or Amazon.Runtime.AmazonServiceException)
            {
                await error.WriteLineAsync($"Cannot list the queue: {refused.Message}");
                return ExitCodes.BadInput;
            }

            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(places, QueueJsonContext.Default.IReadOnlyListQueuePlace));
            }
            else
            {
                Write(CliConsole.Create(output), places);
            }

            return ExitCodes.Succeeded;
        });
        return command;
    }

    /// <summary>The queue in the state file's world (a new world, with nothing waiting, when there is none).</summary>
    public static async Task<IReadOnlyList<QueuePlace>> ReadAsync(string? outpost, string? stateFilePath, CancellationToken cancellationToken)
    {
        await using var stateFile = stateFilePath is null ? null : await StateFile.OpenAsync(stateFilePath, "queue", cancellationToken);
        var (cloud, _) = stateFile?.LoadOnVirtualClock() ?? LocalWorkflow.NewWorld();
        try
        {
            return await new CapacityQueueReader(cloud.Ports, new CapacityQueue(cloud.Ports.DynamoDb, CapacityQueue.DefaultTableName)).ListAsync(outpost, cancellationToken);
        }
        catch (ResourceNotFoundException)
        {
            return []; // no run has deployed the stack's tables into this world yet: nobody waits
        }
    }

    private static void Write(IAnsiConsole console, IReadOnlyList<QueuePlace> places)
    {
        if (places.Count == 0)
        {
            console.MarkupLine("Nobody waits for Outpost capacity.");
            return;
        }

        var table = new Table().AddColumns("Outpost", "Type", "Place", "Provisioning", "Slots", "Status", "Waiting since", "Passed");
        foreach (var place in places)
        {
            table.AddRow(
                place.OutpostId, place.InstanceType,
                place.Position == 0 ? "-" : place.Position.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(place.ProvisioningId), place.SlotsNeeded.ToString(CultureInfo.InvariantCulture),
                JsonSerializer.Serialize(place.Status, QueueJsonContext.Default.QueueEntryStatus).Trim('"'),
                place.Since.ToString("u", CultureInfo.InvariantCulture), place.Bypassed.ToString(CultureInfo.InvariantCulture));
        }

        console.Write(table);
    }
}
