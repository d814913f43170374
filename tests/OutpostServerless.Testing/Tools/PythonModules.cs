using OutpostServerless.Testing.Processes;

namespace OutpostServerless.Testing.Tools;

/// <summary>A <c>python3</c> that can import what a test's script needs: a python without them is a missing tool, not a failed test.</summary>
public static class PythonModules
{
    /// <summary>The path of the <c>python3</c> on PATH, or the test stops (<see cref="MissingTool.Stop"/>) naming the modules it cannot import and how to install them.</summary>
    public static async Task<string> RequireAsync(IReadOnlyList<string> modules, string install, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(modules);
        var python = ToolPath.Require("python3", install);
        var missing = new List<string>();
        foreach (var module in modules)
        {
            var import = await ToolProcess.RunAsync(python, ["-c", $"import {module}"], cancellationToken);
            if (import.ExitCode != 0)
            {
                missing.Add(module);
            }
        }

        if (missing.Count > 0)
        {
            MissingTool.Stop($"{python} cannot import {string.Join(", ", missing)} ({install}).");
        }

        return python;
    }
}
