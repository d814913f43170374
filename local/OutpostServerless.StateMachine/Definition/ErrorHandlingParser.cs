using System.Text.Json.Nodes;
using OutpostServerless.StateMachine.Json;
using OutpostServerless.StateMachine.Queries;
using OutpostServerless.StateMachine.Retry;

namespace OutpostServerless.StateMachine.Definition;

/// <summary>Reads Retry and Catch: field types and ranges, and States.ALL alone in the last entry.</summary>
internal static class ErrorHandlingParser
{
    private static readonly HashSet<string> RetrierFields = new(StringComparer.Ordinal)
    {
        "ErrorEquals", "IntervalSeconds", "MaxAttempts", "BackoffRate", "MaxDelaySeconds", "JitterStrategy", "Comment",
    };

    private static readonly HashSet<string> CatcherFields = new(StringComparer.Ordinal)
    {
        "ErrorEquals", "Next", "ResultPath", "Comment", "Assign", "Output",
    };

    public static IReadOnlyList<Retrier> ParseRetry(FieldReader state, DefinitionProblems problems)
    {
        var retriers = new List<Retrier>();
        foreach (var (entry, _, isLast) in Entries(state, problems, "Retry", RetrierFields, "a Retrier"))
        {
            var errors = ErrorEquals(entry, isLast, "Retrier");
            var jitter = entry.String("JitterStrategy") switch
            {
                null or "NONE" => JitterStrategy.None,
                "FULL" => JitterStrategy.Full,
                var other => Invalid(entry, $"JitterStrategy must be FULL or NONE, not '{other}'"),
            };
            retriers.Add(new Retrier(
                errors,
                entry.Integer("IntervalSeconds", min: 1) ?? 1,
                entry.Integer("MaxAttempts", min: 0) ?? 3,
                entry.Number("BackoffRate", min: 1.0) ?? 2.0,
                entry.Integer("MaxDelaySeconds", min: 1),
                jitter));
        }

        return retriers;
    }

    public static IReadOnlyList<Catcher> ParseCatch(FieldReader state, DefinitionProblems problems, QueryLanguage language, JsonataCompiler compiler)
    {
        var catchers = new List<Catcher>();
        foreach (var (entry, i, isLast) in Entries(state, problems, "Catch", CatcherFields, "a Catcher"))
        {
            foreach (var (field, _) in entry.Object.Where(p => QueryLanguageFields.BelongsToOther(language, p.Key)))
            {
                entry.Report(QueryLanguageFields.Refusal(language, field));
            }

            var errors = ErrorEquals(entry, isLast, "Catcher");
            var next = entry.String("Next", required: true);
            var jsonata = language == QueryLanguage.Jsonata;
            var resultPath = jsonata ? Paths.ResultPath.Default : entry.ResultPath("ResultPath");
            JsonataTemplate? output = jsonata && entry.Has("Output") ? compiler.Compile(entry.Raw("Output"), state.Where, $"Catch[{i}]/Output", inCatcher: true) : null;
            var assign = !entry.Has("Assign")
                ? null
                : jsonata
                    ? compiler.Assignment(entry.Raw("Assign"), state.Where, $"Catch[{i}]/Assign", inCatcher: true)
                    : compiler.PathAssignment(entry.Raw("Assign"), state.Where, $"Catch[{i}]/Assign");
            if (next is not null)
            {
                catchers.Add(new Catcher(errors, next, resultPath) { Index = i, Output = output, Assign = assign });
            }
        }

        return catchers;
    }

    /// <summary>
    /// Retry and Catch alike: an optional array of objects, each read with the fields it allows; an entry that
    /// is not an object is reported and skipped. Whether an entry is the last matters to States.ALL.
    /// </summary>
    private static IEnumerable<(FieldReader Entry, int Index, bool IsLast)> Entries(
        FieldReader state, DefinitionProblems problems, string field, HashSet<string> allowed, string entryKind)
    {
        if (!state.Has(field))
        {
            yield break;
        }

        if (state.Raw(field) is not JsonArray entries)
        {
            state.Report($"{field} must be an array");
            yield break;
        }

        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i] is not JsonObject obj)
            {
                state.Report($"{field}[{i}] must be an object");
                continue;
            }

            var entry = new FieldReader(obj, $"{state.Where}: {field}[{i}]", problems);
            entry.RejectUnknown(allowed, entryKind);
            yield return (entry, i, i == entries.Count - 1);
        }
    }

    private static List<string> ErrorEquals(FieldReader entry, bool isLast, string kind)
    {
        if (entry.Raw("ErrorEquals") is not JsonArray { Count: > 0 } names || !names.All(JsonScalars.IsString))
        {
            entry.Report("ErrorEquals must be a non-empty array of error names");
            return [];
        }

        var errors = names.Select(n => n!.GetValue<string>()).ToList();
        foreach (var reserved in errors.Where(e => e.StartsWith("States.", StringComparison.Ordinal) && !StatesErrorNames.IsPredefined(e)))
        {
            entry.Report($"ErrorEquals: '{reserved}' is not a predefined error name (names starting with 'States.' are reserved)");
        }

        if (errors.Contains(StatesErrorNames.All) && (errors.Count > 1 || !isLast))
        {
            entry.Report($"States.ALL must appear alone in ErrorEquals and only in the last {kind}");
        }

        return errors;
    }

    private static JitterStrategy Invalid(FieldReader entry, string message)
    {
        entry.Report(message);
        return JitterStrategy.None;
    }
}
