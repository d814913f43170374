using Amazon.Runtime;

namespace OutpostServerless.Provisioning.Steps;

/// <summary>Runs deletes in order, treats already-gone as done, and records what was actually deleted.</summary>
public sealed class DeletionLog
{
    private readonly List<DeletedResource> _deleted = [];

    public IReadOnlyList<DeletedResource> Deleted => _deleted;

    /// <summary>Deletes one resource; true if it was deleted now, false if it was already gone.</summary>
    public async Task<bool> DeleteAsync(string type, string id, Func<Task> delete)
    {
        try
        {
            await delete();
        }
        catch (AmazonServiceException e) when (AlreadyGone.Is(e))
        {
            return false;
        }
        _deleted.Add(new DeletedResource(type, id));
        return true;
    }

    /// <summary>Reads what to delete; a missing parent (cluster, role) means nothing to delete.</summary>
    public static async Task<T?> FindAsync<T>(Func<Task<T>> find)
        where T : class
    {
        try
        {
            return await find();
        }
        catch (AmazonServiceException e) when (AlreadyGone.Is(e))
        {
            return null;
        }
    }
}
