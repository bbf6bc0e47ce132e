using System.Text.Json;
using System.Text.Json.Serialization;

namespace BuyerMessaging;

/// <summary>Reads and writes a strongly typed identifier as a JSON string.</summary>
/// <typeparam name="TId">The identifier type.</typeparam>
public sealed class StrongIdJsonConverter<TId> : JsonConverter<TId>
    where TId : struct, IStrongId<TId>
{
    /// <inheritdoc />
    public override TId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = reader.GetString();
        if (!StrongId.IsValid(value))
        {
            throw new JsonException($"'{value}' is not a valid {typeof(TId).Name}.");
        }

        return TId.Create(value!);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Value);
    }

    /// <inheritdoc />
    public override TId ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Read(ref reader, typeToConvert, options);

    /// <inheritdoc />
    public override void WriteAsPropertyName(Utf8JsonWriter writer, TId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(value.Value);
    }
}
