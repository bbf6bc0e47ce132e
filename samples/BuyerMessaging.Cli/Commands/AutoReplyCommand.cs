using System.CommandLine;

namespace BuyerMessaging.Cli;

/// <summary><c>autoreply check</c> (no database) and the per-channel policy commands <c>show</c>, <c>set</c>, <c>pause</c>, <c>resume</c>.</summary>
internal static partial class AutoReplyCommand
{
    public static Command Create(CliRuntime runtime)
    {
        var command = new Command("autoreply", "Auto-replies (自動返信): try a schedule without a database, and configure a channel's auto-reply policy.");
        command.Subcommands.Add(Check(runtime));
        AddPolicyCommands(command, runtime);
        return command;
    }

    private static Command Check(CliRuntime runtime)
    {
        var zone = TimeOptions.RequiredZone();
        var windows = TimeOptions.Windows("Recurring weekly windows in the zone: 'DAYS HH:mm-HH:mm' items separated by commas; a window may cross midnight (Mon-Fri 18:00-09:00); a day range without times is the whole day (Sat-Sun).");
        var dates = TimeOptions.Dates();
        var at = new Option<string>("--at")
        {
            Description = "The instant to check (when a buyer message arrives): ISO-8601, 2026-12-24T10:00:00Z.",
            Required = true,
            HelpName = "INSTANT",
        };
        var json = CommonOptions.Json();
        var command = new Command("check", "Say whether an instant is inside the auto-reply schedule (--windows and/or --dates). Prints {\"inWindow\":true} with --json.");
        foreach (var option in new Option[] { zone, windows, dates, at, json })
        {
            command.Options.Add(option);
        }

        CommandRunner.SetAction(command, runtime, json, (parseResult, _) =>
        {
            var tz = TimeOptions.Zone(parseResult.GetValue(zone));
            var windowText = parseResult.GetValue(windows);
            var dateText = parseResult.GetValue(dates);
            if (windowText is null && dateText is null)
            {
                throw CliException.Usage("--windows or --dates is required: the schedule needs at least one window or date range.");
            }

            var schedule = new AutoReplySchedule(
                tz,
                windowText is null ? null : TimeOptions.Weekly(windowText, "--windows"),
                TimeOptions.DateRanges(dateText));
            var when = TimeOptions.Instant(parseResult.GetValue(at), "--at");
            var inWindow = schedule.Contains(when);
            if (parseResult.GetValue(json))
            {
                runtime.WriteJson(new AutoReplyCheckJson(inWindow), TimeCliJson.Compact.AutoReplyCheckJson);
                return Task.FromResult(ExitCodes.Success);
            }

            runtime.Out.WriteLine(inWindow ? "in window: an auto-reply would be scheduled" : "not in window: no auto-reply");
            runtime.Out.WriteLine($"  at        {TimeOptions.Local(when, tz)} ({tz.Id})");
            runtime.Out.WriteLine($"  schedule  {schedule}");
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}
