using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;

namespace BuyerMessaging.Cli;

/// <summary><c>lint --text T [--marketplace JP] [--json]</c>: Amazon's content check on a text, without a database.</summary>
internal static class LintCommand
{
    public static Command Create(CliRuntime runtime)
    {
        var text = new Option<string>("--text") { Description = "The text to check, as it would be sent to the buyer.", Required = true, HelpName = "T" };
        var marketplace = new Option<string?>("--marketplace") { Description = "The Amazon marketplace (country code, for example JP or DE): sets the expected language; messages are in Japanese for JP.", HelpName = "CC" };
        var json = CommonOptions.Json();
        var command = new Command("lint", "Check a text against Amazon's buyer-seller messaging rules. Exit 0 when nothing blocks it, 1 when a finding blocks it.");
        command.Options.Add(text);
        command.Options.Add(marketplace);
        command.Options.Add(json);
        CommandRunner.SetAction(command, runtime, json, (parseResult, cancellationToken) =>
        {
            var country = parseResult.GetValue(marketplace)?.Trim().ToUpperInvariant();
            if (country is not null && !AmazonMarketplaces.TryGetByCountry(country, out _))
            {
                throw CliException.Usage($"--marketplace: '{country}' is not an Amazon marketplace; use one of {string.Join(", ", AmazonMarketplaces.All.Select(m => m.CountryCode))}.");
            }

            var services = runtime.BuildServices(databasePath: null);
            using (services)
            {
                var result = services.GetRequiredService<IContentChecker>().Check(new ContentCheckRequest { Text = parseResult.GetValue(text)!, Marketplace = country });
                var japanese = country == "JP";
                var findings = result.Findings
                    .Select(f => new LintFindingJson(f.RuleId, f.Severity == ContentSeverity.Block ? "block" : "warn", f.Start, f.Length, japanese ? f.MessageJa : f.Message))
                    .ToList();
                if (parseResult.GetValue(json))
                {
                    runtime.WriteJson(new LintJson(findings), CliJson.Context.LintJson);
                }
                else if (findings.Count == 0)
                {
                    runtime.Out.WriteLine("No findings.");
                }
                else
                {
                    foreach (var (finding, raw) in findings.Zip(result.Findings))
                    {
                        runtime.Out.WriteLine($"{finding.Severity,-5} {finding.Rule} at {finding.Start}+{finding.Length} \"{raw.Text}\": {finding.Message}");
                    }
                }

                return Task.FromResult(result.IsBlocked ? ExitCodes.Error : ExitCodes.Success);
            }
        });
        return command;
    }
}
