namespace OutpostServerless.Local.StateFiles;

/// <summary>Another command holds the state file: this one stops before it reads or changes anything.</summary>
public sealed class StateFileLockedException(string path, string holder)
    : StateFileException(path, $"in use by {holder}. Fix: wait for that command to finish (or stop it), then run this one again")
{
    public string Holder { get; } = holder;
}
