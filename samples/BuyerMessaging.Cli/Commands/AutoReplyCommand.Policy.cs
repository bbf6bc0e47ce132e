using System.CommandLine;
using System.Globalization;
using NodaTime;

namespace BuyerMessaging.Cli;

/// <content>The per-channel policy commands: <c>show</c>, <c>set</c>, <c>pause</c>, <c>resume</c>.</content>
internal static partial class AutoReplyCommand
{
    private static void AddPolicyCommands(Command command, CliRuntime runtime)
    {
        command.Subcommands.Add(ChannelPolicyCommands.Show(runtime, "Show a channel's auto-reply policy.", (id, policies) => ToJson(id, policies?.AutoReply), Print));
        command.Subcommands.Add(Set(runtime));
        command.Subcommands.Add(Toggle(runtime, "pause", enabled: false, "Pause a channel's auto-replies (the policy is kept; work already scheduled still runs)."));
        command.Subcommands.Add(Toggle(runtime, "resume", enabled: true, "Resume a channel's paused auto-replies."));
    }

    /// <summary>Maps a channel's auto-reply policy (or none) to JSON.</summary>
    public static AutoReplyPolicyJson ToJson(ChannelId channel, AutoReplyPolicy? policy) => policy is null
        ? new(channel.Value, false, false, null, null, null, 0, 0, null, new Dictionary<string, string>(), null, new Dictionary<string, string>(), 0, 0)
        : new(
            channel.Value,
            true,
            policy.Enabled,
            policy.Schedule.Zone.Id,
            policy.Schedule.Windows.Windows.Count == 0 ? null : policy.Schedule.Windows.ToString(),
            policy.Schedule.Dates.Count == 0 ? null : ScheduleSyntax.FormatDateRanges(policy.Schedule.Dates),
            policy.MinDelayMinutes,
            policy.MaxDelayMinutes,
            policy.FirstContact.Default?.Value,
            ByType(policy.FirstContact),
            policy.FollowUp.Default?.Value,
            ByType(policy.FollowUp),
            policy.ConversationCooldown.TotalHours,
            policy.BuyerCooldown.TotalHours);

    /// <summary>Writes a policy for people.</summary>
    public static void Write(TextWriter o, AutoReplyPolicyJson p)
    {
        if (!p.Configured)
        {
            o.WriteLine($"Channel {p.ChannelId}: no auto-reply policy. Set one with 'autoreply set'.");
            return;
        }

        o.WriteLine($"Channel {p.ChannelId}: auto-reply {(p.Enabled ? "enabled" : "paused")}");
        o.WriteLine($"  zone           {p.Zone}");
        o.WriteLine($"  windows        {p.Windows ?? "-"}");
        o.WriteLine($"  dates          {p.Dates ?? "-"}");
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  delay          {p.MinDelayMinutes}-{p.MaxDelayMinutes} minutes (random)"));
        o.WriteLine($"  first contact  {Selection(p.FirstContactTemplate, p.FirstContactByType)}");
        o.WriteLine($"  follow-up      {Selection(p.FollowUpTemplate, p.FollowUpByType)}");
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  cool-down      {p.ConversationCooldownHours:0.##} h per conversation, {p.BuyerCooldownHours:0.##} h per buyer"));
    }

    private static Command Set(CliRuntime runtime)
    {
        var (db, channel, json) = (CommonOptions.Db(), ChannelPolicyCommands.ChannelOption(), CommonOptions.Json());
        var zone = new Option<string?>("--zone") { Description = "The IANA zone of the windows and dates (default: the policy's, else the channel's).", HelpName = "ZONE" };
        var windows = TimeOptions.Windows("Weekly windows, as for 'autoreply check' (Mon-Fri 18:00-09:00,Sat-Sun); an empty value removes them.");
        var dates = TimeOptions.Dates();
        dates.Description += " An empty value removes them.";
        var minDelay = new Option<int?>("--min-delay") { Description = "The smallest reply delay in minutes, 0 to 60 (default 5).", HelpName = "MINUTES" };
        var maxDelay = new Option<int?>("--max-delay") { Description = "The largest reply delay in minutes, 0 to 60 (default 30); the delay is drawn at random between the two.", HelpName = "MINUTES" };
        var firstContact = new Option<string?>("--first-contact") { Description = "The template for a buyer's first message (初回); an empty value removes it.", HelpName = "TEMPLATE" };
        var followUp = new Option<string?>("--follow-up") { Description = "The template for later messages (2回目以降); an empty value removes it.", HelpName = "TEMPLATE" };
        var firstContactFor = TypeTemplates("--first-contact-for", "A first-contact template for one buyer message type: TYPE=TEMPLATE (repeat; TYPE= removes it).");
        var followUpFor = TypeTemplates("--follow-up-for", "A follow-up template for one buyer message type: TYPE=TEMPLATE (repeat; TYPE= removes it).");
        var conversationCooldown = new Option<string?>("--conversation-cooldown") { Description = "At most one auto-reply per conversation in this many hours (default 24).", HelpName = "HOURS" };
        var buyerCooldown = new Option<string?>("--buyer-cooldown") { Description = "At most one auto-reply per buyer in this many hours (default 24).", HelpName = "HOURS" };
        var command = new Command("set", "Create or change a channel's auto-reply policy; options not given keep their value. A new policy is enabled.")
        {
            db, channel, zone, windows, dates, minDelay, maxDelay, firstContact, followUp, firstContactFor, followUpFor, conversationCooldown, buyerCooldown, json,
        };
        ChannelPolicyCommands.SetChangeAction(command, runtime, db, channel, json, (id, policies) => ToJson(id, policies.AutoReply), Print, (parseResult, _, found, saved, _) =>
        {
            var id = found.Id;
            var policies = saved ?? new ChannelPolicies { ChannelId = id };
            var current = policies.AutoReply;
            var tz = parseResult.GetValue(zone) is { } z ? TimeOptions.Zone(z)
                : current?.Schedule.Zone
                ?? (found.TimeZoneId is { } channelZone ? TimeOptions.Zone(channelZone, $"channel {id} time zone")
                : throw CliException.Usage($"--zone is required: channel '{id}' has no time zone."));
            var weekly = parseResult.GetValue(windows) is { } w
                ? (w.Trim().Length == 0 ? null : TimeOptions.Weekly(w, "--windows"))
                : current?.Schedule.Windows;
            var ranges = parseResult.GetValue(dates) is { } d ? TimeOptions.DateRanges(d) : current?.Schedule.Dates;
            var policy = (current ?? new AutoReplyPolicy { Schedule = new AutoReplySchedule(tz) }) with
            {
                Schedule = new AutoReplySchedule(tz, weekly, ranges),
                MinDelayMinutes = parseResult.GetValue(minDelay) ?? current?.MinDelayMinutes ?? 5,
                MaxDelayMinutes = parseResult.GetValue(maxDelay) ?? current?.MaxDelayMinutes ?? 30,
                FirstContact = Selection(current?.FirstContact, parseResult.GetValue(firstContact), parseResult.GetValue(firstContactFor), "--first-contact"),
                FollowUp = Selection(current?.FollowUp, parseResult.GetValue(followUp), parseResult.GetValue(followUpFor), "--follow-up"),
                ConversationCooldown = parseResult.GetValue(conversationCooldown) is { } cc ? TimeOptions.Hours(cc, "--conversation-cooldown") : current?.ConversationCooldown ?? Duration.FromHours(24),
                BuyerCooldown = parseResult.GetValue(buyerCooldown) is { } bc ? TimeOptions.Hours(bc, "--buyer-cooldown") : current?.BuyerCooldown ?? Duration.FromHours(24),
            };
            return Task.FromResult(policies with { AutoReply = policy });
        });
        return command;
    }

    private static Command Toggle(CliRuntime runtime, string name, bool enabled, string description) => ChannelPolicyCommands.Toggle(
        runtime,
        name,
        description,
        "has no auto-reply policy; create one with 'autoreply set'.",
        (_, _, policies, _) => Task.FromResult(policies.AutoReply is { } current ? policies with { AutoReply = current with { Enabled = enabled } } : null),
        (id, policies) => ToJson(id, policies.AutoReply),
        Print);

    private static void Print(CliRuntime runtime, AutoReplyPolicyJson policy, bool json)
    {
        if (json)
        {
            runtime.WriteJson(policy, TimeCliJson.Indented.AutoReplyPolicyJson);
        }
        else
        {
            Write(runtime.Out, policy);
        }
    }

    private static Option<string[]> TypeTemplates(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "TYPE=TEMPLATE",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private static TemplateSelection Selection(TemplateSelection? current, string? defaultTemplate, string[]? byType, string field)
    {
        var selection = current ?? new TemplateSelection();
        if (defaultTemplate is not null)
        {
            selection = selection with { Default = defaultTemplate.Trim().Length == 0 ? null : ChannelPolicyCommands.Template(defaultTemplate, field) };
        }

        var map = new Dictionary<BuyerMessageType, TemplateId>(selection.ByMessageType);
        foreach (var pair in CommonOptions.List(byType))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw CliException.Usage($"{field}-for: '{pair}' is not TYPE=TEMPLATE (for example return-request=returns-closed).");
            }

            var type = CommonOptions.MessageType(pair[..equals].Trim(), $"{field}-for");
            var template = pair[(equals + 1)..].Trim();
            if (template.Length == 0)
            {
                map.Remove(type);
            }
            else
            {
                map[type] = ChannelPolicyCommands.Template(template, $"{field}-for");
            }
        }

        return selection with { ByMessageType = map };
    }

    private static Dictionary<string, string> ByType(TemplateSelection selection) =>
        selection.ByMessageType.OrderBy(p => p.Key).ToDictionary(p => Names.Camel(p.Key), p => p.Value.Value, StringComparer.Ordinal);

    private static string Selection(string? defaultTemplate, IReadOnlyDictionary<string, string> byType) =>
        string.Join(", ", (defaultTemplate is null ? Array.Empty<string>() : [defaultTemplate]).Concat(byType.Select(p => $"{p.Key}: {p.Value}"))) is { Length: > 0 } text ? text : "-";
}
