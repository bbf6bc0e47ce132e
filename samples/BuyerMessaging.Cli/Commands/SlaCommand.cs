using System.CommandLine;
using System.Globalization;
using NodaTime;

namespace BuyerMessaging.Cli;

/// <summary><c>sla due</c>: tries a business calendar without a database.</summary>
internal static class SlaCommand
{
    public static Command Create(CliRuntime runtime)
    {
        var command = new Command("sla", "Try SLA clocks without a database.");
        command.Subcommands.Add(Due(runtime));
        return command;
    }

    private static Command Due(CliRuntime runtime)
    {
        var zone = TimeOptions.RequiredZone();
        var calendar = new Option<string>("--calendar")
        {
            Description = "The business hours: 'DAYS HH:mm-HH:mm' items separated by commas (an item that starts with a time keeps the days before it; an end not after the start ends the next day; DAYS alone is the whole day), or 24x7 for Amazon's clock that counts nights, weekends and holidays.",
            Required = true,
            HelpName = "CALENDAR",
        };
        var holidays = new Option<string?>("--holidays")
        {
            Description = "Local dates on which no calendar time counts, separated by commas; A/B is an inclusive range (2026-12-24,2026-12-25/2026-12-26).",
            HelpName = "DATES",
        };
        var start = new Option<string>("--start")
        {
            Description = "When the clock starts (the buyer message arrives): ISO-8601, 2026-12-23T15:30:00Z.",
            Required = true,
            HelpName = "INSTANT",
        };
        var hours = new Option<string>("--hours")
        {
            Description = "The response time in business hours; decimals allowed (8, 1.5).",
            Required = true,
            HelpName = "HOURS",
        };
        var json = CommonOptions.Json();
        var command = new Command("due", "Print the due instant: --hours of business time on --calendar after --start. Prints {\"due\":\"2026-12-28T15:30:00Z\"} with --json.");
        foreach (var option in new Option[] { zone, calendar, holidays, start, hours, json })
        {
            command.Options.Add(option);
        }

        CommandRunner.SetAction(command, runtime, json, (parseResult, _) =>
        {
            var tz = TimeOptions.Zone(parseResult.GetValue(zone));
            var weekly = TimeOptions.Weekly(parseResult.GetValue(calendar), "--calendar");
            var days = TimeOptions.Holidays(parseResult.GetValue(holidays));
            var from = TimeOptions.Instant(parseResult.GetValue(start), "--start");
            var amount = TimeOptions.Hours(parseResult.GetValue(hours), "--hours");
            var businessCalendar = new BusinessCalendar(tz, weekly, days);
            Instant due;
            try
            {
                due = businessCalendar.AddBusinessTime(from, amount);
            }
            catch (InvalidOperationException e)
            {
                throw CliException.Usage($"--holidays: {e.Message}");
            }
            catch (ArgumentOutOfRangeException e) when (e.ParamName == "amount")
            {
                // The reason without .NET's " (Parameter 'amount') Actual value was …" suffix.
                var cut = e.Message.IndexOf(" (Parameter", StringComparison.Ordinal);
                throw CliException.Usage($"--hours: {(cut < 0 ? e.Message : e.Message[..cut])}");
            }

            if (parseResult.GetValue(json))
            {
                runtime.WriteJson(new SlaDueJson(Names.Iso(due)), TimeCliJson.Compact.SlaDueJson);
                return Task.FromResult(ExitCodes.Success);
            }

            var o = runtime.Out;
            o.WriteLine(Names.Iso(due));
            o.WriteLine($"  due    {TimeOptions.Local(due, tz)} ({tz.Id})");
            o.WriteLine($"  start  {TimeOptions.Local(from, tz)}");
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {amount.TotalHours:0.##} business hours on {businessCalendar}; {(due - from).TotalHours:0.##} hours elapsed"));
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}
