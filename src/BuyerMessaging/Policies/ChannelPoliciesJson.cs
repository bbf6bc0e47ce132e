using System.Text.Json;
using BuyerMessaging.Internal;
using NodaTime;

namespace BuyerMessaging;

/// <summary>
/// The JSON form of <see cref="ChannelPolicies"/> that stores persist: zones as IANA ids, schedules, holidays and date
/// ranges in the schedule syntax (see <see cref="ScheduleSyntax"/>), durations in seconds.
/// </summary>
public static class ChannelPoliciesJson
{
    /// <summary>Serializes policies.</summary>
    /// <param name="policies">The policies.</param>
    /// <returns>The JSON.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policies"/> is <see langword="null"/>.</exception>
    public static string Serialize(ChannelPolicies policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        var dto = new ChannelPoliciesDto { ChannelId = policies.ChannelId.Value };
        if (policies.Sla is { } sla)
        {
            dto.Sla = new()
            {
                Clock = sla.Clock,
                ResponseTimeSeconds = Seconds(sla.ResponseTime),
                Zone = sla.Calendar?.Zone.Id,
                Calendar = sla.Calendar?.Hours.ToString(),
                Holidays = sla.Calendar is { Holidays.Count: > 0 } c ? ScheduleSyntax.FormatHolidays(c.Holidays) : null,
                AutoReplyStopsClock = sla.AutoReplyStopsClock,
                DueSoonSeconds = Seconds(sla.DueSoonThreshold),
            };
        }

        if (policies.AutoReply is { } auto)
        {
            dto.AutoReply = new()
            {
                Enabled = auto.Enabled,
                Zone = auto.Schedule.Zone.Id,
                Windows = auto.Schedule.Windows.Windows.Count > 0 ? auto.Schedule.Windows.ToString() : null,
                Dates = auto.Schedule.Dates.Count > 0 ? ScheduleSyntax.FormatDateRanges(auto.Schedule.Dates) : null,
                MinDelayMinutes = auto.MinDelayMinutes,
                MaxDelayMinutes = auto.MaxDelayMinutes,
                FirstContact = ToDto(auto.FirstContact),
                FollowUp = ToDto(auto.FollowUp),
                ConversationCooldownSeconds = Seconds(auto.ConversationCooldown),
                BuyerCooldownSeconds = Seconds(auto.BuyerCooldown),
            };
        }

        if (policies.SmartReply is { } smart)
        {
            dto.SmartReply = new()
            {
                Name = smart.Name,
                Language = smart.Language,
                Enabled = smart.Enabled,
                Templates = [.. smart.Templates.Select(t => t.Value)],
                ReplyAfterSeconds = Seconds(smart.ReplyAfter),
            };
        }

        return JsonSerializer.Serialize(dto, PolicyJsonContext.Default.ChannelPoliciesDto);
    }

    /// <summary>Deserializes policies.</summary>
    /// <param name="json">The JSON.</param>
    /// <param name="zones">Resolves zone ids; <see langword="null"/> for tzdb.</param>
    /// <returns>The policies (not validated; see <see cref="ChannelPolicies.Validate"/>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The JSON, a zone, a schedule or an id is not valid; the message names the member.</exception>
    public static ChannelPolicies Deserialize(string json, IDateTimeZoneProvider? zones = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        zones ??= DateTimeZoneProviders.Tzdb;
        ChannelPoliciesDto dto;
        try
        {
            dto = JsonSerializer.Deserialize(json, PolicyJsonContext.Default.ChannelPoliciesDto) ?? throw new FormatException("The policies are null.");
        }
        catch (JsonException ex)
        {
            throw new FormatException($"The policies are not valid JSON: {ex.Message}", ex);
        }

        return new ChannelPolicies
        {
            ChannelId = Member("channelId", () => ChannelId.Parse(dto.ChannelId)),
            Sla = dto.Sla is { } sla ? Member("sla", () => FromDto(sla, zones)) : null,
            AutoReply = dto.AutoReply is { } auto ? Member("autoReply", () => FromDto(auto, zones)) : null,
            SmartReply = dto.SmartReply is { } smart ? Member("smartReply", () => new SmartReplyPolicy
            {
                Name = smart.Name,
                Language = smart.Language,
                Enabled = smart.Enabled,
                Templates = [.. smart.Templates.Select(TemplateId.Parse)],
                ReplyAfter = FromSeconds(smart.ReplyAfterSeconds),
            }) : null,
        };
    }

    /// <summary>Resolves a zone id, with an error that names it.</summary>
    /// <param name="zones">The zone provider.</param>
    /// <param name="id">The IANA id.</param>
    /// <returns>The zone.</returns>
    /// <exception cref="FormatException">The provider does not know the id.</exception>
    public static DateTimeZone Zone(IDateTimeZoneProvider zones, string id)
    {
        ArgumentNullException.ThrowIfNull(zones);
        ArgumentNullException.ThrowIfNull(id);
        return zones.GetZoneOrNull(id) ?? throw new FormatException($"'{id}' is not a known time zone; use an IANA id such as Asia/Tokyo or Europe/Berlin.");
    }

    private static SlaPolicy FromDto(SlaPolicyDto dto, IDateTimeZoneProvider zones)
    {
        BusinessCalendar? calendar = null;
        if (dto.Calendar is { } hours)
        {
            calendar = new BusinessCalendar(
                Zone(zones, dto.Zone ?? "UTC"),
                WeeklySchedule.Parse(hours),
                dto.Holidays is { } holidays ? ScheduleSyntax.ParseHolidays(holidays) : null);
        }

        return new SlaPolicy
        {
            Clock = dto.Clock,
            ResponseTime = FromSeconds(dto.ResponseTimeSeconds),
            Calendar = calendar,
            AutoReplyStopsClock = dto.AutoReplyStopsClock,
            DueSoonThreshold = FromSeconds(dto.DueSoonSeconds),
        };
    }

    private static AutoReplyPolicy FromDto(AutoReplyPolicyDto dto, IDateTimeZoneProvider zones) => new()
    {
        Enabled = dto.Enabled,
        Schedule = new AutoReplySchedule(
            Zone(zones, dto.Zone),
            dto.Windows is { } windows ? WeeklySchedule.Parse(windows) : null,
            dto.Dates is { } dates ? ScheduleSyntax.ParseDateRanges(dates) : null),
        MinDelayMinutes = dto.MinDelayMinutes,
        MaxDelayMinutes = dto.MaxDelayMinutes,
        FirstContact = FromDto(dto.FirstContact),
        FollowUp = FromDto(dto.FollowUp),
        ConversationCooldown = FromSeconds(dto.ConversationCooldownSeconds),
        BuyerCooldown = FromSeconds(dto.BuyerCooldownSeconds),
    };

    private static TemplateSelectionDto ToDto(TemplateSelection selection) => new()
    {
        Default = selection.Default?.Value,
        ByMessageType = selection.ByMessageType.ToDictionary(p => p.Key.ToString(), p => p.Value.Value),
    };

    private static TemplateSelection FromDto(TemplateSelectionDto? dto) => dto is null
        ? new()
        : new()
        {
            Default = dto.Default is { } d ? TemplateId.Parse(d) : null,
            ByMessageType = dto.ByMessageType.ToDictionary(
                p => Enum.TryParse<BuyerMessageType>(p.Key, ignoreCase: true, out var type) && Enum.IsDefined(type)
                    ? type
                    : throw new FormatException($"'{p.Key}' is not a buyer message type."),
                p => TemplateId.Parse(p.Value)),
        };

    private static T Member<T>(string path, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            throw new FormatException($"{path}: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// A duration as seconds, to the tick (100 ns, as the SQLite store keeps instants): written as whole seconds when it
    /// is ("86400"), with decimals when not ("1.5"), so that what is saved comes back unchanged. Files written when these
    /// were whole seconds read the same.
    /// </summary>
    private static decimal Seconds(Duration duration) => (decimal)duration.BclCompatibleTicks / NodaConstants.TicksPerSecond;

    private static Duration FromSeconds(decimal seconds) => Duration.FromTicks((long)(seconds * NodaConstants.TicksPerSecond));
}
