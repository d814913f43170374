using System.CommandLine;
using OutpostServerless.Cli.Run;
using OutpostServerless.Emulator.Sam;

namespace OutpostServerless.Cli.Build;

/// <summary><c>verify-build</c>: after <c>sam build</c>, refuse a build that would not run as it is about to be deployed.</summary>
public static class VerifyBuildCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var buildDirectory = new Option<DirectoryInfo>("--build-dir")
        {
            Description = "What sam build wrote (its template.yaml and one directory per function).",
            DefaultValueFactory = _ => new DirectoryInfo(Path.Combine(".aws-sam", "build")),
        };
        var configEnvironment = new Option<string>("--config-env")
        {
            Description = "The samconfig.toml environment whose deploy parameter_overrides the stack gets (as sam deploy --config-env).",
            DefaultValueFactory = _ => "default",
        };
        var configFile = new Option<FileInfo>("--config-file")
        {
            Description = "The samconfig file.",
            DefaultValueFactory = _ => new FileInfo("samconfig.toml"),
        };
        var overrides = new Option<string[]>("--parameter-overrides")
        {
            Description = "Key=Value parameters over the config environment's, as sam deploy takes them.",
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("verify-build",
            "Check every built function's bootstrap against the stack's Architectures (ELF machine) and provided.al2023's glibc; exits 1 naming each artifact that would not run.")
        {
            buildDirectory, configEnvironment, configFile, overrides,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            IReadOnlyList<ArtifactProblem> problems;
            SamTemplate built;
            try
            {
                var parameters = new Dictionary<string, string>(
                    SamConfig.DeployParameterOverrides(parse.GetValue(configFile)!.FullName, parse.GetValue(configEnvironment)!), StringComparer.Ordinal);
                foreach (var (key, value) in ParameterOverrides.Parse(parse.GetValue(overrides) ?? []))
                {
                    parameters[key] = value;
                }

                var template = Path.Combine(parse.GetValue(buildDirectory)!.FullName, "template.yaml");
                if (!File.Exists(template))
                {
                    await error.WriteLineAsync($"Cannot verify: {template} does not exist. Fix: run sam build first, or pass --build-dir.");
                    return ExitCodes.BadInput;
                }

                built = SamTemplate.Load(template, new SamEnvironment("us-west-2", "123456789012"), parameters);
                problems = BuildVerification.Verify(built);
            }
            catch (Exception unreadable) when (unreadable is IOException or SamTemplateException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"Cannot verify: {unreadable.Message}");
                return ExitCodes.BadInput;
            }

            foreach (var problem in problems)
            {
                await error.WriteLineAsync(problem.ToString());
            }

            var architectures = string.Join(", ", built.Functions.Values.SelectMany(f => f.Architectures).Distinct(StringComparer.Ordinal));
            await output.WriteLineAsync(problems.Count == 0
                ? $"{built.Functions.Count} functions built for {architectures}: every bootstrap is an executable of its function's architecture needing glibc {LambdaArchitecture.RuntimeGlibc} or older."
                : $"{problems.Count} of {built.Functions.Count} functions would not run as deployed ({architectures}).");
            return problems.Count == 0 ? ExitCodes.Succeeded : ExitCodes.Failed;
        });
        return command;
    }
}
