using OutpostServerless.Provisioning.Errors;

namespace OutpostServerless.Provisioning.Request;

/// <summary>
/// A rule the schema cannot say. A rule adds every violation it finds (not just the first), each with
/// a fix that says what to write, and skips members that are absent or of the wrong JSON type (the
/// schema layer reports those).
/// </summary>
internal interface IRequestRule
{
    void Check(RequestDocument request, ICollection<FieldError> errors);
}
