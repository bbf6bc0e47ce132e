using System.Text.Json;

namespace BuyerMessaging.Cli;

/// <summary>
/// The shape of stores.json, checked field by field on the parsed document rather than by the serializer, which
/// stops at the first problem and names .NET types ("System.Nullable`1[System.Double]") instead of JSON ones.
/// </summary>
internal static partial class StoresConfigLoader
{
    /// <summary>Reads the document; every unknown field and value of the wrong JSON type is added to <paramref name="shape"/>.</summary>
    private static StoresFile ReadFile(JsonElement root, ShapeErrors shape) =>
        IsObject(root, string.Empty, "the file", FileFields, shape)
            ? new StoresFile { Stores = Items(root, "stores", string.Empty, ReadStore, shape) }
            : new StoresFile();

    private static StoreEntry ReadStore(JsonElement element, string path, ShapeErrors shape) =>
        IsObject(element, path, "a store", StoreFields, shape)
            ? new StoreEntry
            {
                Id = String(element, "id", path, shape),
                Name = String(element, "name", path, shape),
                Channels = Items(element, "channels", path, ReadChannel, shape),
            }
            : new StoreEntry();

    private static ChannelEntry ReadChannel(JsonElement element, string path, ShapeErrors shape)
    {
        var channel = new ChannelEntry();
        if (!IsObject(element, path, "a channel", ChannelFields, shape))
        {
            return channel;
        }

        channel.Id = String(element, "id", path, shape);
        channel.Kind = String(element, "kind", path, shape);
        channel.Name = String(element, "name", path, shape);
        channel.Marketplace = String(element, "marketplace", path, shape);
        channel.Address = String(element, "address", path, shape);
        channel.StoreName = String(element, "storeName", path, shape);
        channel.SenderDisplayName = String(element, "senderDisplayName", path, shape);
        channel.Country = String(element, "country", path, shape);
        channel.Language = String(element, "language", path, shape);
        channel.TimeZone = String(element, "timeZone", path, shape);
        if (Value(element, "promisedResponseHours", path, JsonValueKind.Number, "a number", shape) is { } hours)
        {
            channel.PromisedResponseHours = hours.GetDouble();
        }

        if (Value(element, "enabled", path, JsonValueKind.True, "true or false", shape) is { } enabled)
        {
            channel.Enabled = enabled.GetBoolean();
        }

        return channel;
    }

    /// <summary>Checks that <paramref name="element"/> is an object whose fields are all known and given once.</summary>
    private static bool IsObject(JsonElement element, string path, string what, string[] fields, ShapeErrors shape)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            shape.Add(path.Length == 0 ? "stores.json" : path, $"must be an object ({what}), not {Describe(element)}");
            return false;
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in element.EnumerateObject())
        {
            var field = Join(path, property.Name);
            if (!fields.Contains(property.Name, StringComparer.OrdinalIgnoreCase))
            {
                shape.Add(field, $"is not a field of {what}; the fields are {string.Join(", ", fields)}");
            }
            else if (!seen.Add(property.Name))
            {
                shape.Add(field, "is given twice");
            }
        }

        return true;
    }

    private static string? String(JsonElement element, string name, string path, ShapeErrors shape) =>
        Value(element, name, path, JsonValueKind.String, "a string", shape)?.GetString();

    /// <summary>Reads an array field's items, each at its path (<c>stores[0].channels[1]</c>).</summary>
    private static List<T>? Items<T>(JsonElement element, string name, string path, Func<JsonElement, string, ShapeErrors, T> read, ShapeErrors shape) =>
        Value(element, name, path, JsonValueKind.Array, "an array", shape) is { } array
            ? [.. array.EnumerateArray().Select((item, i) => read(item, $"{Join(path, name)}[{i}]", shape))]
            : null;

    /// <summary>Returns a field's value when present, not null and of the expected kind (<see cref="JsonValueKind.True"/> stands for a boolean).</summary>
    private static JsonElement? Value(JsonElement element, string name, string path, JsonValueKind kind, string expected, ShapeErrors shape)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase) || property.Value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            var actual = property.Value.ValueKind == JsonValueKind.False ? JsonValueKind.True : property.Value.ValueKind;
            if (actual == kind)
            {
                return property.Value;
            }

            shape.Add(Join(path, name), $"must be {expected}, not {Describe(property.Value)}");
            return null;
        }

        return null;
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"a string ('{value.GetString()}')",
        JsonValueKind.Number => $"a number ({value.GetRawText()})",
        JsonValueKind.True or JsonValueKind.False => $"a boolean ({value.GetRawText()})",
        _ => "null",
    };

    /// <summary>The problems of the file's shape, and the fields they make meaningless to check further.</summary>
    private sealed class ShapeErrors
    {
        private readonly HashSet<string> _paths = new(StringComparer.Ordinal);

        public List<string> Messages { get; } = [];

        public void Add(string path, string message)
        {
            _paths.Add(path);
            Messages.Add($"{path}: {message}");
        }

        /// <summary>Returns whether a later error at <paramref name="path"/> only repeats a shape error (the field or one that holds it).</summary>
        public bool Covers(string path) =>
            _paths.Any(p => path == p || path.StartsWith(p + ".", StringComparison.Ordinal) || path.StartsWith(p + "[", StringComparison.Ordinal));
    }
}
