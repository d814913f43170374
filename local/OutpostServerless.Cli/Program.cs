namespace OutpostServerless.Cli;

public static class Program
{
    public static Task<int> Main(string[] args) => CliApp.InvokeAsync(args, Console.Out, Console.Error);
}
