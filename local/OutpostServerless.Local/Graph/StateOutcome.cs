namespace OutpostServerless.Local.Graph;

/// <summary>How a state fared in an execution, as the console's graph view colours it.</summary>
public enum StateOutcome
{
    /// <summary>Not on the path taken.</summary>
    NotRun,

    /// <summary>Entered and left without an error.</summary>
    Succeeded,

    /// <summary>Left after one or more retried errors: the last attempt succeeded.</summary>
    Retried,

    /// <summary>Its last attempt failed and a Catch took the execution on.</summary>
    Caught,

    /// <summary>Where the execution failed (or was stopped).</summary>
    Failed,

    /// <summary>Entered and not yet left: the execution is running here.</summary>
    Waiting,
}
