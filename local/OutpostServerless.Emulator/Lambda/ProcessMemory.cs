using System.Globalization;

namespace OutpostServerless.Emulator.Lambda;

/// <summary>A process's peak resident set size, from <c>/proc/&lt;pid&gt;/status</c> (VmHWM), as Lambda's "Max Memory Used".</summary>
public static class ProcessMemory
{
    public static long? PeakResidentBytes(int processId)
    {
        var status = $"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/status";
        try
        {
            foreach (var line in File.ReadLines(status))
            {
                // "VmHWM:	   21504 kB"
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var kilobytes = line["VmHWM:".Length..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
                    return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (Exception gone) when (gone is IOException or UnauthorizedAccessException)
        {
            // Not Linux, or the process has already exited.
        }

        return null;
    }
}
