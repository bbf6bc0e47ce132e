using System.CommandLine;
using System.Globalization;

namespace BuyerMessaging.Cli;

/// <summary>
/// The per-channel smart-reply policy commands under <c>smartreply</c>: <c>show</c>, <c>set</c>, <c>pause</c>,
/// <c>resume</c>. <see cref="PolicyDirectory"/> checks the templates when the policy is saved: they must exist, be in
/// the channel's language and usable on it.
/// </summary>
internal static class SmartReplyCommand
{
    public static void AddPolicyCommands(Command command, CliRuntime runtime)
    {
        command.Subcommands.Add(ChannelPolicyCommands.Show(runtime, "Show a channel's smart-reply policy.", (id, policies) => ToJson(id, policies?.SmartReply), Print));
        command.Subcommands.Add(Set(runtime));
        command.Subcommands.Add(Toggle(runtime, "pause", enabled: false, "Pause a channel's smart reply (the policy is kept)."));
        command.Subcommands.Add(Toggle(runtime, "resume", enabled: true, "Resume a channel's paused smart reply; its templates are checked again."));
    }

    /// <summary>Maps a channel's smart-reply policy (or none) to JSON.</summary>
    public static SmartReplyPolicyJson ToJson(ChannelId channel, SmartReplyPolicy? policy) => policy is null
        ? new(channel.Value, false, false, null, null, [], 0)
        : new(channel.Value, true, policy.Enabled, policy.Name, policy.Language, [.. policy.Templates.Select(t => t.Value)], policy.ReplyAfter.TotalHours);

    /// <summary>Writes a policy for people.</summary>
    public static void Write(TextWriter o, SmartReplyPolicyJson p)
    {
        if (!p.Configured)
        {
            o.WriteLine($"Channel {p.ChannelId}: no smart-reply policy. Set one with 'smartreply set'.");
            return;
        }

        o.WriteLine($"Channel {p.ChannelId}: smart reply {(p.Enabled ? "enabled" : "paused")}");
        o.WriteLine($"  name         {p.Name ?? "-"}");
        o.WriteLine($"  language     {p.Language ?? "- (the templates')"}");
        o.WriteLine($"  templates    {(p.Templates.Count == 0 ? "-" : string.Join(", ", p.Templates))} ({p.Templates.Count}/{SmartReplyPolicy.MaxTemplates})");
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  reply after  {p.ReplyAfterHours:0.##} h"));
    }

    private static Command Set(CliRuntime runtime)
    {
        var (db, channel, json) = (CommonOptions.Db(), ChannelPolicyCommands.ChannelOption(), CommonOptions.Json());
        var templates = new Option<string?>("--templates")
        {
            Description = $"The templates to match against, saved in the database (see 'templates list'): id1,id2 (at most {SmartReplyPolicy.MaxTemplates}); replaces the list.",
            HelpName = "ID,ID",
        };
        var name = new Option<string?>("--name") { Description = "The setting's name; an empty value removes it.", HelpName = "NAME" };
        var language = new Option<string?>("--language") { Description = "The setting's language (BCP-47); the channel and every template must be in it. An empty value takes the templates' language.", HelpName = "L" };
        var replyAfter = new Option<string?>("--reply-after-hours") { Description = "Send the matched template this many hours after the buyer message arrived, 0 to 168 (default 18; decimals allowed).", HelpName = "HOURS" };
        var command = new Command("set", "Create or change a channel's smart-reply policy; options not given keep their value. A new policy is enabled.")
        {
            db, channel, templates, name, language, replyAfter, json,
        };
        ChannelPolicyCommands.SetChangeAction(command, runtime, db, channel, json, (id, policies) => ToJson(id, policies.SmartReply), Print, (parseResult, _, found, saved, _) =>
        {
            var policies = saved ?? new ChannelPolicies { ChannelId = found.Id };
            var current = policies.SmartReply ?? new SmartReplyPolicy();
            var policy = current with
            {
                Templates = parseResult.GetValue(templates) is { } t
                    ? [.. CommonOptions.List([t]).Select(v => ChannelPolicyCommands.Template(v, "--templates"))]
                    : current.Templates,
                Name = parseResult.GetValue(name) is { } n ? Blank(n) : current.Name,
                Language = parseResult.GetValue(language) is { } l ? Blank(l) : current.Language,
                ReplyAfter = parseResult.GetValue(replyAfter) is { } h ? TimeOptions.Hours(h, "--reply-after-hours", (decimal)SmartReplyPolicy.MaxReplyAfter.TotalHours) : current.ReplyAfter,
            };
            return Task.FromResult(policies with { SmartReply = policy });
        });
        return command;
    }

    private static Command Toggle(CliRuntime runtime, string name, bool enabled, string description) => ChannelPolicyCommands.Toggle(
        runtime,
        name,
        description,
        "has no smart-reply policy; create one with 'smartreply set'.",
        (_, _, policies, _) => Task.FromResult(policies.SmartReply is { } current ? policies with { SmartReply = current with { Enabled = enabled } } : null),
        (id, policies) => ToJson(id, policies.SmartReply),
        Print);

    private static string? Blank(string value) => value.Trim().Length == 0 ? null : value.Trim();

    private static void Print(CliRuntime runtime, SmartReplyPolicyJson policy, bool json)
    {
        if (json)
        {
            runtime.WriteJson(policy, TimeCliJson.Indented.SmartReplyPolicyJson);
        }
        else
        {
            Write(runtime.Out, policy);
        }
    }
}
