using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BuyerMessaging.Cli;

/// <summary>
/// The JSON of the time commands (sla, autoreply, smartreply policies, worker): a context of its own beside <see cref="CliJsonContext"/>, with
/// the same naming, so that the one-line contracts can be written compact.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(SlaDueJson))]
[JsonSerializable(typeof(AutoReplyCheckJson))]
[JsonSerializable(typeof(AutoReplyPolicyJson))]
[JsonSerializable(typeof(SmartReplyPolicyJson))]
[JsonSerializable(typeof(WorkerJson))]
[JsonSerializable(typeof(TimeDemoJson))]
internal sealed partial class TimeCliJsonContext : JsonSerializerContext;

/// <summary>The time commands' JSON: indented like the rest of the CLI, or on one line for the contracts printed exactly as <c>{"due":"…"}</c>.</summary>
internal static class TimeCliJson
{
    /// <summary>Gets the context that writes indented JSON, as <see cref="CliJson.Context"/> does.</summary>
    public static TimeCliJsonContext Indented { get; } = Create(indented: true);

    /// <summary>Gets the context that writes one line.</summary>
    public static TimeCliJsonContext Compact { get; } = Create(indented: false);

    private static TimeCliJsonContext Create(bool indented) => new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = indented,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NewLine = "\n",
    });
}

/// <summary><c>sla due --json</c>: exactly <c>{"due":"2026-12-28T15:30:00Z"}</c>, on one line.</summary>
internal sealed record SlaDueJson(string Due);

/// <summary><c>autoreply check --json</c>: exactly <c>{"inWindow":true}</c>, on one line.</summary>
internal sealed record AutoReplyCheckJson(bool InWindow);

/// <summary>A channel's auto-reply policy as <c>autoreply show/set/pause/resume --json</c> print it.</summary>
internal sealed record AutoReplyPolicyJson(
    string ChannelId,
    bool Configured,
    bool Enabled,
    string? Zone,
    string? Windows,
    string? Dates,
    int MinDelayMinutes,
    int MaxDelayMinutes,
    string? FirstContactTemplate,
    IReadOnlyDictionary<string, string> FirstContactByType,
    string? FollowUpTemplate,
    IReadOnlyDictionary<string, string> FollowUpByType,
    double ConversationCooldownHours,
    double BuyerCooldownHours);

/// <summary>A channel's smart-reply policy as <c>smartreply show/set/pause/resume --json</c> print it.</summary>
internal sealed record SmartReplyPolicyJson(
    string ChannelId,
    bool Configured,
    bool Enabled,
    string? Name,
    string? Language,
    IReadOnlyList<string> Templates,
    double ReplyAfterHours);

/// <summary><c>worker --once --json</c>: what one pass did and the files of the sends it completed.</summary>
internal sealed record WorkerJson(int Leased, int Succeeded, int Retried, int Failed, string? Outbox, IReadOnlyList<string> Files);

/// <summary>The time part of <c>demo --json</c>: the auto-reply policy set on one channel, and the worker pass.</summary>
internal sealed record TimeDemoJson(AutoReplyPolicyJson AutoReply, WorkerJson Worker);
