using Microsoft.Data.Sqlite;
using NodaTime;

namespace BuyerMessaging.Internal;

/// <summary>Parameter binding for cached commands: a parameter is added on first use and reused afterwards.</summary>
internal static class SqliteCommandExtensions
{
    public static SqliteCommand Set(this SqliteCommand command, string name, object? value)
    {
        var parameters = command.Parameters;
        var index = parameters.IndexOf(name);
        if (index < 0)
        {
            parameters.Add(new SqliteParameter(name, value ?? DBNull.Value));
        }
        else
        {
            parameters[index].Value = value ?? DBNull.Value;
        }

        return command;
    }

    public static SqliteCommand Set(this SqliteCommand command, string name, string? value) => command.Set(name, (object?)value);

    public static SqliteCommand Set(this SqliteCommand command, string name, long value) => command.Set(name, (object)value);

    public static SqliteCommand Set(this SqliteCommand command, string name, bool value) => command.Set(name, (object)(value ? 1L : 0L));

    public static SqliteCommand Set(this SqliteCommand command, string name, Instant value) => command.Set(name, (object)value.ToUnixTimeTicks());

    public static SqliteCommand Set(this SqliteCommand command, string name, Instant? value) =>
        command.Set(name, value is { } v ? v.ToUnixTimeTicks() : null);

    /// <summary>
    /// The first stored tick at or after an instant. Instants are stored as 100 ns ticks, cut down to the tick; a due
    /// instant (of work, of an answer) is rounded up instead, so that one finer than a tick is never due early, and a
    /// bound such as <c>now - cooldown + Duration.Epsilon</c> does not round down onto the instant it excludes.
    /// </summary>
    public static long CeilingTicks(Instant instant)
    {
        var ticks = instant.ToUnixTimeTicks();
        return Instant.FromUnixTimeTicks(ticks) < instant ? ticks + 1 : ticks;
    }

    public static SqliteCommand SetBlob(this SqliteCommand command, string name, ReadOnlyMemory<byte> value) =>
        command.Set(name, (object)Rows.ToArray(value));

    public static Instant GetInstant(this SqliteDataReader reader, int ordinal) => Instant.FromUnixTimeTicks(reader.GetInt64(ordinal));

    public static Instant? GetNullableInstant(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Instant.FromUnixTimeTicks(reader.GetInt64(ordinal));

    public static string? GetNullableString(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static byte[] GetBlob(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? [] : (byte[])reader.GetValue(ordinal);
}
