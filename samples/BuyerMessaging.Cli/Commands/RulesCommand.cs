using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;

namespace BuyerMessaging.Cli;

/// <summary>
/// <c>rules test|apply|list|import|export</c>: dry-run a rule set on one .eml file, apply rules to existing
/// conversations, and manage the stored rules as JSON (schema version <see cref="RuleJson.SchemaVersion"/>).
/// </summary>
internal static class RulesCommand
{
    public static Command Create(CliRuntime runtime)
    {
        var command = new Command("rules", "Test, apply, list, import and export inbox rules.");
        command.Subcommands.Add(Test(runtime));
        command.Subcommands.Add(Apply(runtime));
        command.Subcommands.Add(List(runtime));
        command.Subcommands.Add(Import(runtime));
        command.Subcommands.Add(Export(runtime));
        return command;
    }

    private static Option<string?> RulesFile() => new("--rules")
    {
        Description = "A rules JSON file (as 'rules export' writes); default: the rules stored in the database.",
        HelpName = "FILE",
    };

    private static Command Test(CliRuntime runtime)
    {
        var db = CommonOptions.Db();
        var rules = RulesFile();
        var file = new Argument<string>("FILE") { Description = "The .eml file to run the rules on." };
        var json = CommonOptions.Json();
        var command = new Command("test", "Dry run: what the rules would do to one message, and for every rule which conditions held, which did not, and why. Nothing is stored.");
        command.Options.Add(db);
        command.Options.Add(rules);
        command.Options.Add(json);
        command.Arguments.Add(file);
        CommandRunner.SetAction(command, runtime, json, async (parseResult, cancellationToken) =>
        {
            var path = parseResult.GetValue(file)!;
            var raw = await CommonOptions.ReadFileAsync(path, "FILE", f => File.ReadAllBytesAsync(f, cancellationToken));
            var ruleSet = await ReadRulesAsync(parseResult.GetValue(rules), cancellationToken);
            var services = runtime.OpenExisting(parseResult.GetValue(db)!);
            await using (services)
            {
                var parsed = services.GetRequiredService<MimeMessageParser>().Parse(raw, path);
                var message = parsed.Message ?? throw CliException.Usage($"FILE: '{path}' cannot be parsed: {parsed.Error}");
                var dryRun = await services.GetRequiredService<ConversationIngestor>().DryRunRulesAsync(message, ruleSet, cancellationToken: cancellationToken);
                var result = ToJson(dryRun);
                if (parseResult.GetValue(json))
                {
                    runtime.WriteJson(result, CliJson.Context.RulesTestJson);
                    return ExitCodes.Success;
                }

                WriteText(runtime.Out, result);
                return ExitCodes.Success;
            }
        });
        return command;
    }

    private static Command Apply(CliRuntime runtime)
    {
        var db = CommonOptions.Db();
        var rules = RulesFile();
        var store = Many("--store", "Only conversations of these stores.", "STORE");
        var channel = Many("--channel", "Only conversations on these channels.", "CHANNEL");
        var status = Many("--status", $"Only these statuses: {Names.Choices<ConversationStatus>()}.", "STATUS");
        var type = Many("--type", $"Only these buyer message types: {Names.Choices<BuyerMessageType>()}.", "TYPE");
        var language = Many("--language", "Only these languages.", "LANG");
        var hasOrder = new Option<bool>("--has-order") { Description = "Only conversations with an order id." };
        var text = new Option<string?>("--text") { Description = "Only conversations whose subject or any message contains this text.", HelpName = "TEXT" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Only report what would change." };
        var json = CommonOptions.Json();
        var command = new Command("apply", "Apply rules to existing conversations (selected by the inbox filters) as if their latest buyer message had just arrived; each change is recorded in the history with actor rule:NAME.");
        foreach (var option in new Option[] { db, rules, store, channel, status, type, language, hasOrder, text, dryRun, json })
        {
            command.Options.Add(option);
        }

        CommandRunner.SetAction(command, runtime, json, async (parseResult, cancellationToken) =>
        {
            var ruleSet = await ReadRulesAsync(parseResult.GetValue(rules), cancellationToken);
            var query = new InboxQuery
            {
                Stores = CommonOptions.List(parseResult.GetValue(store)).Select(s => StoreId.TryParse(s, out var id) ? id : throw CliException.Usage($"--store: '{s}' is not a valid store id.")).ToList(),
                Channels = CommonOptions.List(parseResult.GetValue(channel)).Select(c => ChannelId.TryParse(c, out var id) ? id : throw CliException.Usage($"--channel: '{c}' is not a valid channel id.")).ToList(),
                Statuses = CommonOptions.List(parseResult.GetValue(status)).Select(s => CommonOptions.Status(s, "--status")).ToList(),
                MessageTypes = CommonOptions.List(parseResult.GetValue(type)).Select(t => CommonOptions.MessageType(t, "--type")).ToList(),
                Languages = CommonOptions.List(parseResult.GetValue(language)),
                HasOrder = parseResult.GetValue(hasOrder) ? true : null,
                Text = string.IsNullOrWhiteSpace(parseResult.GetValue(text)) ? null : parseResult.GetValue(text),
                PageSize = InboxQuery.MaxPageSize,
            };
            var services = runtime.OpenExisting(parseResult.GetValue(db)!);
            await using (services)
            {
                var result = await services.GetRequiredService<RuleBook>().ApplyAsync(query, ruleSet, parseResult.GetValue(dryRun), cancellationToken);
                var output = new RulesApplyJson(result.Examined, result.Changed, result.DryRun, result.Conversations
                    .Select(a => new RuleApplicationJson(a.ConversationId.Value, [.. a.MatchedRules.Select(r => r.Value)], [.. a.Changes.Select(c => $"{c.What}: {c.From ?? "-"} -> {c.To ?? "-"} ({c.Actor})")]))
                    .ToList());
                if (parseResult.GetValue(json))
                {
                    runtime.WriteJson(output, CliJson.Context.RulesApplyJson);
                    return ExitCodes.Success;
                }

                runtime.Out.WriteLine($"{(output.DryRun ? "Would change" : "Changed")} {output.Changed} of {output.Examined} conversations.");
                foreach (var c in output.Conversations.Where(c => c.Changes.Count > 0))
                {
                    runtime.Out.WriteLine($"{c.Id}: {string.Join("; ", c.Changes)}");
                }

                return ExitCodes.Success;
            }
        });
        return command;
    }

    private static Command List(CliRuntime runtime)
    {
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var command = new Command("list", "List the stored rules in the order they run.");
        command.Options.Add(db);
        command.Options.Add(json);
        CommandRunner.SetAction(command, runtime, json, async (parseResult, cancellationToken) =>
        {
            var services = runtime.OpenExisting(parseResult.GetValue(db)!);
            await using (services)
            {
                WriteRules(runtime, await services.GetRequiredService<RuleBook>().GetAllAsync(cancellationToken), parseResult.GetValue(json));
                return ExitCodes.Success;
            }
        });
        return command;
    }

    private static Command Import(CliRuntime runtime)
    {
        var db = CommonOptions.Db();
        var file = new Argument<string>("FILE") { Description = "The rules JSON file." };
        var replace = new Option<bool>("--replace") { Description = "Delete the stored rules that the file does not have." };
        var json = CommonOptions.Json();
        var command = new Command("import", "Validate and store the rules of a JSON file (every invalid member is reported with its path; nothing is stored then).");
        command.Options.Add(db);
        command.Options.Add(replace);
        command.Options.Add(json);
        command.Arguments.Add(file);
        CommandRunner.SetAction(command, runtime, json, async (parseResult, cancellationToken) =>
        {
            var content = await CommonOptions.ReadTextFileAsync(parseResult.GetValue(file)!, "FILE", cancellationToken);
            var services = runtime.OpenExisting(parseResult.GetValue(db)!);
            await using (services)
            {
                var imported = await services.GetRequiredService<RuleBook>().ImportAsync(content, parseResult.GetValue(replace), cancellationToken);
                WriteRules(runtime, imported, parseResult.GetValue(json));
                return ExitCodes.Success;
            }
        });
        return command;
    }

    private static Command Export(CliRuntime runtime)
    {
        var db = CommonOptions.Db();
        var command = new Command("export", "Print the stored rules as JSON (the format 'rules import' and --rules read).");
        command.Options.Add(db);
        CommandRunner.SetAction(command, runtime, null, async (parseResult, cancellationToken) =>
        {
            var services = runtime.OpenExisting(parseResult.GetValue(db)!);
            await using (services)
            {
                runtime.Out.WriteLine(await services.GetRequiredService<RuleBook>().ExportAsync(cancellationToken));
                return ExitCodes.Success;
            }
        });
        return command;
    }

    private static async Task<IReadOnlyList<Rule>?> ReadRulesAsync(string? path, CancellationToken cancellationToken) =>
        path is null ? null : RuleJson.Import(await CommonOptions.ReadTextFileAsync(path, "--rules", cancellationToken));

    private static RulesTestJson ToJson(RuleDryRun dryRun)
    {
        var o = dryRun.Outcome;
        var decisions = new List<DecisionJson>();
        void Add(string field, RuleDecision? d)
        {
            if (d is not null)
            {
                decisions.Add(new(field, d.Action.ToString(), d.RuleId.Value));
            }
        }

        Add("folder", o.Folder);
        Add("status", o.Status);
        Add("assignee", o.Assignee);
        Add("noReplyNeeded", o.NoReplyNeeded);
        foreach (var tag in o.Tags)
        {
            Add("tag", tag);
        }

        return new RulesTestJson(
            new RulesOutcomeJson([.. o.MatchedRules.Select(r => r.Value)], o.StoppedBy?.Value, decisions),
            [.. dryRun.Rules.Select(r => new RuleTraceJson(r.RuleId.Value, r.RuleName, Names.Camel(r.Status), r.Reason,
                [.. r.Conditions.Select(c => new ConditionTraceJson(c.Index, Names.Camel(c.Condition.Field), Names.Camel(c.Condition.Operator), c.Condition.Value, c.Condition.Values, c.Held, c.Reason))]))]);
    }

    private static void WriteText(TextWriter o, RulesTestJson result)
    {
        o.WriteLine(result.Outcome.Decisions.Count == 0 ? "Outcome: no action." : "Outcome:");
        foreach (var d in result.Outcome.Decisions)
        {
            o.WriteLine($"  {d.Field}: {d.Action} (rule {d.Rule})");
        }

        if (result.Outcome.StoppedBy is { } stopped)
        {
            o.WriteLine($"  stopped by rule {stopped}");
        }

        o.WriteLine();
        foreach (var rule in result.Rules)
        {
            o.WriteLine($"[{rule.Status}] {rule.Id} \"{rule.Name}\": {rule.Reason}");
            foreach (var c in rule.Conditions)
            {
                o.WriteLine($"    {(c.Held ? "held    " : "not held")} #{c.Index} {c.Field} {c.Operator} {c.Value ?? string.Join(", ", c.Values)}: {c.Reason}");
            }
        }
    }

    private static void WriteRules(CliRuntime runtime, IReadOnlyList<Rule> rules, bool json)
    {
        var list = rules.OrderBy(r => r.Order)
            .Select(r => new RuleSummaryJson(r.Id.Value, r.Name, r.Order, r.Enabled, Names.Camel(r.MatchMode), r.Conditions.Count, [.. r.Actions.Select(a => a.ToString())], r.StopProcessing))
            .ToList();
        if (json)
        {
            runtime.WriteJson(new RuleListJson(list), CliJson.Context.RuleListJson);
            return;
        }

        foreach (var r in list)
        {
            runtime.Out.WriteLine($"{r.Order,4} {r.Id} \"{r.Name}\" {(r.Enabled ? string.Empty : "(disabled) ")}{r.MatchMode} of {r.Conditions} condition(s) -> {string.Join(", ", r.Actions)}{(r.StopProcessing ? ", stop" : string.Empty)}");
        }

        if (list.Count == 0)
        {
            runtime.Out.WriteLine("No rules.");
        }
    }

    private static Option<string[]> Many(string name, string description, string helpName) => new(name)
    {
        Description = description,
        HelpName = helpName,
        Arity = ArgumentArity.ZeroOrMore,
    };
}
