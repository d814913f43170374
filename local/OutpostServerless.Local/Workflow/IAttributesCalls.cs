namespace OutpostServerless.Local.Workflow;

/// <summary>
/// A local service that records who called it (least-privilege tests): <see cref="For"/> is the view one function
/// calls it through, each call recorded with that function's logical id. The in-process invoker binds every
/// function to its own view, as it binds the emulator's ports (<c>EmulatedCloud.PortsFor</c>).
/// </summary>
public interface IAttributesCalls<out T>
{
    T For(string caller);
}
