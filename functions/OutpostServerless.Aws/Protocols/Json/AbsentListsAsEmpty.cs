using System.Collections;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace OutpostServerless.Aws.Protocols.Json;

/// <summary>
/// Reads a list member the sender left out (or sent as null) as an empty list, so one record serves
/// both directions: the client reads the emulator's (and AWS's) responses, the emulator reads the
/// client's (and the CLI's) requests.
/// </summary>
/// <remarks>
/// The wire records default their lists to empty with <c>init</c> initialisers, which
/// source-generated deserialisation skips (it builds init-only members like constructor arguments,
/// null when absent); so the absent members are filled in the document before it is read.
/// </remarks>
public static class AbsentListsAsEmpty
{
    public static void Fill(JsonObject document, JsonTypeInfo type)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(type);
        foreach (var property in type.Properties.Where(p => IsList(p.PropertyType)))
        {
            if (document[property.Name] is null)
            {
                document[property.Name] = new JsonArray();
            }
        }
    }

    private static bool IsList(Type type) =>
        type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type) && !typeof(IDictionary).IsAssignableFrom(type);
}
