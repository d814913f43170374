using System.Text.Json;
using System.Text.RegularExpressions;

namespace OutpostServerless.Cli.Bench.Runbook;

/// <summary>Reads a runbook file and checks that every step can run, naming the field and the fix, before any command runs.</summary>
public static partial class RunbookFile
{
    /// <summary>Where the checked-in runbook lives, relative to the repository (the template's directory).</summary>
    public static readonly string DefaultRelativePath = Path.Combine("statemachine", "runbook", "ecs-on-outposts.json");

    public static RunbookDocument Load(string path)
    {
        RunbookDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(File.ReadAllText(path), RunbookJsonContext.Default.RunbookDocument);
        }
        catch (JsonException notJson)
        {
            throw new RunbookFileException(path, $"not a runbook ({notJson.Message}). Fix: see statemachine/runbook/ecs-on-outposts.json for the shape.");
        }

        return Check(path, document ?? throw new RunbookFileException(path, "is null. Fix: an object with files and steps."));
    }

    /// <summary>The document itself when every step can run; else the first problem.</summary>
    public static RunbookDocument Check(string path, RunbookDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Steps.Count == 0)
        {
            throw new RunbookFileException(path, "steps: empty. Fix: list the runbook's AWS CLI commands in order.");
        }

        if (document.Files.Keys.FirstOrDefault(n => n.Length == 0 || n != Path.GetFileName(n) || n is "." or "..") is { } notPlain)
        {
            throw new RunbookFileException(path, $"files.{notPlain}: not a plain file name. Fix: name it as file://NAME reads it, without a directory.");
        }

        var defined = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < document.Steps.Count; i++)
        {
            var step = document.Steps[i];
            var field = $"steps[{i}]";
            Require(path, (step.Aws is null) != (step.SleepSeconds is null), $"{field}: needs exactly one of aws and sleepSeconds. Fix: a command, or a wait alone.");
            Require(path, step.Aws is null || step.Aws.Count > 0, $"{field}.aws: empty. Fix: the arguments after aws, e.g. [\"ecs\", \"create-cluster\", \"--cluster-name\", \"demo\"].");
            Require(path, step.SleepSeconds is null or > 0, $"{field}.sleepSeconds: must be 1 or more.");
            Require(path, step.As is null || step.Until is null, $"{field}: as and until together. Fix: keep an output or poll for one, in two steps.");
            Require(path, step.As is null || Identifier().IsMatch(step.As), $"{field}.as: '{step.As}' is not a name. Fix: letters, digits and _ (used as ${{name}}).");
            Require(path, (step.Until is null) == (step.PollSeconds is null) && (step.Until is null) == (step.MaxAttempts is null),
                $"{field}: until, pollSeconds and maxAttempts go together. Fix: give all three (the AWS CLI's waiters poll every 15 s, 40 times).");
            Require(path, step.PollSeconds is null or > 0 && step.MaxAttempts is null or > 0, $"{field}: pollSeconds and maxAttempts must be 1 or more.");
            foreach (var (argument, index) in (step.Aws ?? []).Select((a, n) => (a, n)))
            {
                foreach (Match reference in Reference().Matches(argument))
                {
                    Require(path, defined.Contains(reference.Groups[1].Value),
                        $"{field}.aws[{index}]: ${{{reference.Groups[1].Value}}} is not the output of an earlier step. Fix: add \"as\": \"{reference.Groups[1].Value}\" to the step that makes it, before this one.");
                }

                foreach (var file in FileReferences(argument))
                {
                    Require(path, document.Files.ContainsKey(file), $"{field}.aws[{index}]: file://{file} is not in files. Fix: add files.{file}.");
                }
            }

            if (step.As is { } name)
            {
                defined.Add(name);
            }
        }

        return document;
    }

    /// <summary>Replaces each <c>${name}</c> by its value.</summary>
    public static string Substitute(string argument, IReadOnlyDictionary<string, string> variables) =>
        Reference().Replace(argument, match => variables[match.Groups[1].Value]);

    private static IEnumerable<string> FileReferences(string argument) =>
        argument.StartsWith("file://", StringComparison.Ordinal) ? [argument["file://".Length..]] : [];

    private static void Require(string path, bool condition, string problem)
    {
        if (!condition)
        {
            throw new RunbookFileException(path, problem);
        }
    }

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex Reference();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();
}
