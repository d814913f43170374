namespace OutpostServerless.Aws.Iam;

/// <summary>
/// The IAM operations the provisioning steps use (awsQuery, version 2010-05-08, global endpoint).
/// Failures are <see cref="Errors.AwsServiceError"/> with IAM's codes (<see cref="IamErrorCodes"/>).
/// </summary>
public interface IIam
{
    Task<CreateRoleResponse> CreateRoleAsync(CreateRoleRequest request, CancellationToken cancellationToken = default);
    Task<GetRoleResponse> GetRoleAsync(GetRoleRequest request, CancellationToken cancellationToken = default);
    Task DeleteRoleAsync(DeleteRoleRequest request, CancellationToken cancellationToken = default);
    Task<CreateServiceLinkedRoleResponse> CreateServiceLinkedRoleAsync(CreateServiceLinkedRoleRequest request, CancellationToken cancellationToken = default);

    Task PutRolePolicyAsync(PutRolePolicyRequest request, CancellationToken cancellationToken = default);
    Task<GetRolePolicyResponse> GetRolePolicyAsync(GetRolePolicyRequest request, CancellationToken cancellationToken = default);
    Task<ListRolePoliciesResponse> ListRolePoliciesAsync(ListRolePoliciesRequest request, CancellationToken cancellationToken = default);
    Task DeleteRolePolicyAsync(DeleteRolePolicyRequest request, CancellationToken cancellationToken = default);

    Task AttachRolePolicyAsync(AttachRolePolicyRequest request, CancellationToken cancellationToken = default);
    Task<ListAttachedRolePoliciesResponse> ListAttachedRolePoliciesAsync(ListAttachedRolePoliciesRequest request, CancellationToken cancellationToken = default);
    Task DetachRolePolicyAsync(DetachRolePolicyRequest request, CancellationToken cancellationToken = default);

    Task<CreateInstanceProfileResponse> CreateInstanceProfileAsync(CreateInstanceProfileRequest request, CancellationToken cancellationToken = default);
    Task<GetInstanceProfileResponse> GetInstanceProfileAsync(GetInstanceProfileRequest request, CancellationToken cancellationToken = default);
    Task AddRoleToInstanceProfileAsync(AddRoleToInstanceProfileRequest request, CancellationToken cancellationToken = default);
    Task RemoveRoleFromInstanceProfileAsync(RemoveRoleFromInstanceProfileRequest request, CancellationToken cancellationToken = default);
    Task DeleteInstanceProfileAsync(DeleteInstanceProfileRequest request, CancellationToken cancellationToken = default);
}
