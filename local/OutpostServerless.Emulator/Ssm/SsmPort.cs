using Amazon.SimpleSystemsManagement.Model;
using OutpostServerless.Aws.Ssm;
using OutpostServerless.Emulator.World;

namespace OutpostServerless.Emulator.Ssm;

/// <summary>The in-process <see cref="ISsm"/>: every call counted.</summary>
internal sealed class SsmPort(EmulatedRegion region, string? caller) : ISsm
{
    public Task<GetParameterResponse> GetParameterAsync(GetParameterRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "ssm:GetParameter", () => region.Ssm.GetParameter(request), cancellationToken);
}
