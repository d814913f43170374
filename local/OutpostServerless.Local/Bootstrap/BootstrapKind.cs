namespace OutpostServerless.Local.Bootstrap;

/// <summary>Which kind of bootstrap <c>run --lambda process</c> starts (see <see cref="LocalBootstrap"/>).</summary>
public enum BootstrapKind
{
    /// <summary>Named with <c>--bootstrap</c>.</summary>
    Given,

    /// <summary>The Native AOT build the functions are deployed as.</summary>
    NativeAot,

    /// <summary>The framework-dependent build beside the CLI.</summary>
    Jit,
}
