using System.Collections;
using System.Text.Json.Serialization.Metadata;

namespace OutpostServerless.Aws.Protocols.Json;

/// <summary>
/// A contract modifier that leaves empty lists out of a request, as the AWS SDKs and CLI do with
/// members the caller did not set (our request records default their lists to empty).
/// </summary>
public static class OmitEmptyCollections
{
    public static void Modify(JsonTypeInfo typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        foreach (var property in typeInfo.Properties)
        {
            if (property.PropertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(property.PropertyType))
            {
                var inner = property.ShouldSerialize;
                property.ShouldSerialize = (owner, value) => !IsEmpty(value) && (inner?.Invoke(owner, value) ?? true);
            }
        }
    }

    private static bool IsEmpty(object? value) => value switch
    {
        null => true,
        ICollection collection => collection.Count == 0,
        IEnumerable enumerable => !enumerable.GetEnumerator().MoveNext(),
        _ => false,
    };
}
