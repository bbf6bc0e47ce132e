using System.Text.Json.Serialization;

namespace BuyerMessaging.Internal;

/// <summary>The JSON columns (tags, recipients, references), source-generated so the store stays AOT-compatible.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(IReadOnlyList<MailParticipant>))]
internal sealed partial class SqliteJsonContext : JsonSerializerContext;
