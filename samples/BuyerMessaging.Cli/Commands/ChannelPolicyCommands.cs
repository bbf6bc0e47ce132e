using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;

namespace BuyerMessaging.Cli;

/// <summary>
/// What the per-channel policy commands (<c>autoreply</c> and <c>smartreply</c> <c>show/set/pause/resume</c>) share: the
/// <c>--channel</c> option, finding the channel (exit 2 when unknown), template ids and the policy round trip.
/// </summary>
internal static class ChannelPolicyCommands
{
    public static Option<string> ChannelOption() => new("--channel")
    {
        Description = "The channel (Amazon marketplace or support mailbox) whose policy to show or change.",
        Required = true,
        HelpName = "CHANNEL",
    };

    public static ChannelId ParseChannel(string? value) =>
        ChannelId.TryParse(value, out var id) ? id : throw CliException.Usage($"--channel: '{value}' is not a valid channel id.");

    public static async Task<Channel> RequireChannelAsync(IServiceProvider services, ChannelId id, CancellationToken cancellationToken) =>
        (await services.GetRequiredService<IConversationStore>().GetChannelsAsync(cancellationToken)).FirstOrDefault(c => c.Id == id)
            ?? throw CliException.NotFound($"--channel: channel '{id}' not found.");

    public static TemplateId Template(string value, string field) =>
        TemplateId.TryParse(value.Trim(), out var id) ? id : throw CliException.Usage($"{field}: '{value}' is not a valid template id.");

    /// <summary>Creates a <c>show</c> subcommand: prints the channel's policies through <paramref name="toJson"/>.</summary>
    public static Command Show<TJson>(CliRuntime runtime, string description, Func<ChannelId, ChannelPolicies?, TJson> toJson, Action<CliRuntime, TJson, bool> print)
    {
        var (db, channel, json) = (CommonOptions.Db(), ChannelOption(), CommonOptions.Json());
        var command = new Command("show", description) { db, channel, json };
        CommandRunner.SetAction(command, runtime, json, async (parseResult, cancellationToken) =>
        {
            var id = ParseChannel(parseResult.GetValue(channel));
            var services = runtime.OpenExisting(parseResult.GetValue(db)!);
            await using (services)
            {
                await RequireChannelAsync(services, id, cancellationToken);
                var policies = await services.GetRequiredService<PolicyDirectory>().GetAsync(id, cancellationToken);
                print(runtime, toJson(id, policies), parseResult.GetValue(json));
                return ExitCodes.Success;
            }
        });
        return command;
    }

    /// <summary>
    /// Creates a <c>pause</c> or <c>resume</c> subcommand: requires the policy that <paramref name="toggle"/> changes
    /// (exit 2 when the channel has none), then saves and prints its result.
    /// </summary>
    /// <param name="toggle">Returns the changed policies, or <see langword="null"/> when the channel has no such policy.</param>
    public static Command Toggle<TJson>(
        CliRuntime runtime,
        string name,
        string description,
        string missing,
        Func<IServiceProvider, Channel, ChannelPolicies, CancellationToken, Task<ChannelPolicies?>> toggle,
        Func<ChannelId, ChannelPolicies, TJson> toJson,
        Action<CliRuntime, TJson, bool> print)
    {
        var (db, channel, json) = (CommonOptions.Db(), ChannelOption(), CommonOptions.Json());
        var command = new Command(name, description) { db, channel, json };
        SetChangeAction(command, runtime, db, channel, json, toJson, print, async (_, services, found, policies, cancellationToken) =>
            (policies is null ? null : await toggle(services, found, policies, cancellationToken))
                ?? throw CliException.NotFound($"--channel: channel '{found.Id}' {missing}"));
        return command;
    }

    /// <summary>
    /// Sets the action of a command that changes a channel's policies: finds the channel (exit 2 when unknown), loads its
    /// saved policies (<see langword="null"/> when none), saves what <paramref name="change"/> returns through
    /// <see cref="PolicyDirectory"/> (which validates it) and prints it.
    /// </summary>
    public static void SetChangeAction<TJson>(
        Command command,
        CliRuntime runtime,
        Option<string> db,
        Option<string> channel,
        Option<bool> json,
        Func<ChannelId, ChannelPolicies, TJson> toJson,
        Action<CliRuntime, TJson, bool> print,
        Func<ParseResult, IServiceProvider, Channel, ChannelPolicies?, CancellationToken, Task<ChannelPolicies>> change)
    {
        CommandRunner.SetAction(command, runtime, json, async (parseResult, cancellationToken) =>
        {
            var id = ParseChannel(parseResult.GetValue(channel));
            var services = runtime.OpenExisting(parseResult.GetValue(db)!);
            await using (services)
            {
                var found = await RequireChannelAsync(services, id, cancellationToken);
                var directory = services.GetRequiredService<PolicyDirectory>();
                var changed = await change(parseResult, services, found, await directory.GetAsync(id, cancellationToken), cancellationToken);
                await directory.SaveAsync(changed, cancellationToken);
                print(runtime, toJson(id, changed), parseResult.GetValue(json));
                return ExitCodes.Success;
            }
        });
    }
}
