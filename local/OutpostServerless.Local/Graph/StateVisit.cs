namespace OutpostServerless.Local.Graph;

/// <summary>
/// What an execution did in one state, as the console's step details show it: how it fared and how often it was
/// retried (over all visits), and its last visit — when it was entered and left (virtual time on <c>serve</c>),
/// what it got and returned (JSON text), and the error of its last failed attempt.
/// </summary>
public sealed record StateVisit(
    string Name,
    StateOutcome Outcome,
    int Retries,
    int Visits,
    DateTimeOffset EnteredAt,
    DateTimeOffset? ExitedAt,
    string? Input,
    string? Output,
    string? Error,
    string? Cause);
