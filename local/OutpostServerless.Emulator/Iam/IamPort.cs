using OutpostServerless.Aws.Iam;
using OutpostServerless.Emulator.World;

namespace OutpostServerless.Emulator.Iam;

/// <summary>The in-process <see cref="IIam"/>: every call counted, answered by the IAM world.</summary>
internal sealed class IamPort(EmulatedRegion region, string? caller) : IIam
{
    public Task<CreateRoleResponse> CreateRoleAsync(CreateRoleRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "iam:CreateRole", () => region.Iam.CreateRole(request), cancellationToken);

    public Task<GetRoleResponse> GetRoleAsync(GetRoleRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "iam:GetRole", () => region.Iam.GetRole(request), cancellationToken);

    public Task DeleteRoleAsync(DeleteRoleRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "iam:DeleteRole", () => region.Iam.DeleteRole(request), cancellationToken);

    public Task<CreateServiceLinkedRoleResponse> CreateServiceLinkedRoleAsync(CreateServiceLinkedRoleRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "iam:CreateServiceLinkedRole", () => region.Iam.CreateServiceLinkedRole(request), cancellationToken);

    public Task PutRolePolicyAsync(PutRolePolicyRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "iam:PutRolePolicy", () => region.Iam.PutRolePolicy(request), cancellationToken);

    public Task<GetRolePolicyResponse> GetRolePolicyAsync(GetRolePolicyRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "iam:GetRolePolicy", () => region.Iam.GetRolePolicy(request), cancellationToken);

    public Task<ListRolePoliciesResponse> ListRolePoliciesAsync(ListRolePoliciesRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "iam:ListRolePolicies", () => region.Iam.ListRolePolicies(request), cancellationToken);

    public Task DeleteRolePolicyAsync(DeleteRolePolicyRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "iam:DeleteRolePolicy", () => region.Iam.DeleteRolePolicy(request), cancellationToken);

    public Task AttachRolePolicyAsync(AttachRolePolicyRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "iam:AttachRolePolicy", () => region.Iam.AttachRolePolicy(request), cancellationToken);

    public Task<ListAttachedRolePoliciesResponse> ListAttachedRolePoliciesAsync(ListAttachedRolePoliciesRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "iam:ListAttachedRolePolicies", () => region.Iam.ListAttachedRolePolicies(request), cancellationToken);

    public Task DetachRolePolicyAsync(DetachRolePolicyRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "iam:DetachRolePolicy", () => region.Iam.DetachRolePolicy(request), cancellationToken);

    public Task<CreateInstanceProfileResponse> CreateInstanceProfileAsync(CreateInstanceProfileRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "iam:CreateInstanceProfile", () => region.Iam.CreateInstanceProfile(request), cancellationToken);

    public Task<GetInstanceProfileResponse> GetInstanceProfileAsync(GetInstanceProfileRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "iam:GetInstanceProfile", () => region.Iam.GetInstanceProfile(request), cancellationToken);

    public Task AddRoleToInstanceProfileAsync(AddRoleToInstanceProfileRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "iam:AddRoleToInstanceProfile", () => region.Iam.AddRoleToInstanceProfile(request), cancellationToken);

    public Task RemoveRoleFromInstanceProfileAsync(RemoveRoleFromInstanceProfileRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "iam:RemoveRoleFromInstanceProfile", () => region.Iam.RemoveRoleFromInstanceProfile(request), cancellationToken);

    public Task DeleteInstanceProfileAsync(DeleteInstanceProfileRequest request, CancellationToken cancellationToken = default) =>
        region.InvokeAsync(caller, "iam:DeleteInstanceProfile", () => region.Iam.DeleteInstanceProfile(request), cancellationToken);
}
