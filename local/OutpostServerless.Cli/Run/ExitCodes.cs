namespace OutpostServerless.Cli.Run;

/// <summary>What <c>run</c> tells the shell.</summary>
public static class ExitCodes
{
    public const int Succeeded = 0;
    public const int Failed = 1;
    /// <summary>The request (or an option) is wrong: nothing was started or created.</summary>
    public const int BadInput = 2;
}
