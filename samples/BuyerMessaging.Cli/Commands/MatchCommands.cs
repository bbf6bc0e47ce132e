using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;

namespace BuyerMessaging.Cli;

/// <summary>
/// <c>detect --text T [--json]</c> and <c>match --templates FILE.json --text T [--language L] [--semantic] [--json]</c>:
/// the offline language detector and smart-reply matcher on one text, without a database.
/// </summary>
internal static class MatchCommands
{
    public static Command Detect(CliRuntime runtime)
    {
        var text = Text();
        var json = CommonOptions.Json();
        var command = new Command("detect", "Detect the language of a text offline (\"unknown\" when too short or too mixed).");
        command.Options.Add(text);
        command.Options.Add(json);
        CommandRunner.SetAction(command, runtime, json, (parseResult, _) =>
        {
            var detection = NgramLanguageDetector.Default.Detect(parseResult.GetValue(text)!);
            if (parseResult.GetValue(json))
            {
                runtime.WriteJson(new DetectJson(detection.Language, Round(detection.Confidence)), CliJson.Context.DetectJson);
            }
            else
            {
                runtime.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{detection.Language} ({detection.Confidence:0.00})"));
            }

            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    public static Command Match(CliRuntime runtime)
    {
        var templates = new Option<string>("--templates")
        {
            Description = "A JSON file of templates: the SDK's export format, or an array of objects with id, name, language, body and examples.",
            Required = true,
            HelpName = "FILE.json",
        };
        var text = Text();
        var language = new Option<string?>("--language") { Description = "The buyer's language (BCP-47); detected when absent.", HelpName = "L" };
        var semantic = Semantic();
        var json = CommonOptions.Json();
        var command = new Command("match", "Match a buyer question to templates offline: matched (may be sent automatically), suggested (shown to a person) or failed.");
        command.Options.Add(templates);
        command.Options.Add(text);
        command.Options.Add(language);
        command.Options.Add(semantic);
        command.Options.Add(json);
        CommandRunner.SetAction(command, runtime, json, async (parseResult, cancellationToken) =>
        {
            var loaded = await LoadTemplatesAsync(parseResult.GetValue(templates)!, cancellationToken);
            var request = new TemplateMatchRequest { Text = parseResult.GetValue(text)!, Language = CommonOptions.LanguageTag(parseResult.GetValue(language), "--language"), Templates = loaded };
            var match = await MatchAsync(request, parseResult.GetValue(semantic), cancellationToken);
            Write(runtime, match, parseResult.GetValue(json));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// Matches with the offline lexical matcher, or, with <c>--semantic</c>, re-ranks its candidates by meaning with the
    /// local all-MiniLM-L6-v2 model (<see cref="SemanticTemplateMatcher"/>; English questions only, as the model is).
    /// </summary>
    private static async Task<TemplateMatch> MatchAsync(TemplateMatchRequest request, bool semantic, CancellationToken cancellationToken)
    {
        if (!semantic)
        {
            return await LexicalTemplateMatcher.Default.MatchAsync(request, cancellationToken);
        }

        using var generator = new MiniLmEmbeddingGenerator();
        return await new SemanticTemplateMatcher(generator).MatchAsync(request, cancellationToken);
    }

    private static Option<bool> Semantic() => new("--semantic")
    {
        Description = "Re-rank the candidates by meaning with a local embedding model (all-MiniLM-L6-v2, English; nothing leaves this machine).",
    };

    /// <summary>
    /// <c>smartreply simulate (--templates FILE.json | --db PATH --channel C) --text T [--language L] [--json]</c>: what
    /// smart reply would do with a buyer question (tool4seller's preview). With a template file, the smart-reply rules
    /// are checked first (at most 10 templates, one language) and the match is printed; with a database, the channel's
    /// saved policy is used through <see cref="SmartReplySimulator"/> and the decision is explained. Nothing is sent and
    /// nothing is written.
    /// </summary>
    public static Command SmartReply(CliRuntime runtime)
    {
        var templates = new Option<string?>("--templates") { Description = "The smart reply's templates (JSON, as for 'match'); or use --db and --channel.", HelpName = "FILE.json" };
        var db = new Option<string?>("--db") { Description = "A database whose channel's saved smart-reply policy to simulate (with --channel).", HelpName = "PATH" };
        var channel = new Option<string?>("--channel") { Description = "The channel whose smart-reply policy to simulate (with --db).", HelpName = "ID" };
        var text = Text();
        var language = new Option<string?>("--language") { Description = "The buyer's language (BCP-47); detected when absent.", HelpName = "L" };
        var semantic = Semantic();
        var json = CommonOptions.Json();
        var simulate = new Command("simulate", "Show the outcome (matched, suggested, failed) and its explanation for a buyer question; nothing is sent.");
        simulate.Options.Add(templates);
        simulate.Options.Add(db);
        simulate.Options.Add(channel);
        simulate.Options.Add(text);
        simulate.Options.Add(language);
        simulate.Options.Add(semantic);
        simulate.Options.Add(json);
        CommandRunner.SetAction(simulate, runtime, json, async (parseResult, cancellationToken) =>
        {
            var (file, path, channelValue) = (parseResult.GetValue(templates), parseResult.GetValue(db), parseResult.GetValue(channel));
            if ((file is null) == (path is null) || (path is null) != (channelValue is null))
            {
                throw CliException.Usage("Give either --templates FILE.json, or --db PATH with --channel ID.");
            }

            if (path is not null)
            {
                var id = ChannelPolicyCommands.ParseChannel(channelValue);
                var services = runtime.OpenExisting(path);
                await using (services)
                {
                    await ChannelPolicyCommands.RequireChannelAsync(services, id, cancellationToken);
                    using var generator = parseResult.GetValue(semantic) ? new MiniLmEmbeddingGenerator() : null;
                    var simulator = generator is null
                        ? services.GetRequiredService<SmartReplySimulator>()
                        : new SmartReplySimulator(services.GetRequiredService<IConversationStore>(), new SemanticTemplateMatcher(generator), services.GetRequiredService<ITemplateSource>());
                    var simulation = await simulator.SimulateAsync(id, parseResult.GetValue(text)!, CommonOptions.LanguageTag(parseResult.GetValue(language), "--language"), cancellationToken);
                    Write(runtime, simulation, parseResult.GetValue(json));
                    return ExitCodes.Success;
                }
            }

            var loaded = await LoadTemplatesAsync(file!, cancellationToken);
            var policy = new SmartReplyPolicy { Language = CommonOptions.LanguageTag(parseResult.GetValue(language), "--language"), Templates = [.. loaded.Select(t => t.Id)] };
            var errors = policy.Validate(loaded.ToDictionary(t => t.Id), channelLanguage: null, "smartReply");
            if (errors.Count > 0)
            {
                throw CliException.Usage(string.Join(" ", errors.Select(e => $"{e.Path}: {e.Message}")));
            }

            var request = new TemplateMatchRequest { Text = parseResult.GetValue(text)!, Language = policy.Language, Templates = loaded };
            Write(runtime, await MatchAsync(request, parseResult.GetValue(semantic), cancellationToken), parseResult.GetValue(json));
            return ExitCodes.Success;
        });
        var command = new Command("smartreply", "Smart reply (スマートカスタマーサービス): preview what it would answer, and configure a channel's smart-reply policy.");
        command.Subcommands.Add(simulate);
        SmartReplyCommand.AddPolicyCommands(command, runtime);
        return command;
    }

    /// <summary>Reads a template file, with the CLI's errors for a missing or invalid file.</summary>
    public static async Task<IReadOnlyList<Template>> LoadTemplatesAsync(string path, CancellationToken cancellationToken)
    {
        var content = await CommonOptions.ReadFileAsync(path, "--templates", f => File.ReadAllTextAsync(f, cancellationToken));
        try
        {
            return TemplateJson.Import(content);
        }
        catch (DefinitionValidationException e)
        {
            throw CliException.Usage($"--templates: {e.Message}");
        }
    }

    /// <summary>Prints a match: the JSON contract, or the outcome with its candidates and deciding terms.</summary>
    public static void Write(CliRuntime runtime, TemplateMatch match, bool json)
    {
        if (json)
        {
            runtime.WriteJson(ToJson(match), CliJson.Context.MatchJson);
            return;
        }

        var o = runtime.Out;
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Outcome:    {Outcome(match.Outcome)}{(match.FailureReason == MatchFailureReason.None ? string.Empty : $" ({match.FailureReason})")}"));
        o.WriteLine($"Template:   {match.TemplateId?.Value ?? "-"}");
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Confidence: {match.Confidence:0.00} (auto-send at {match.AutoSendThreshold:0.00}, suggest at {match.SuggestThreshold:0.00})"));
        o.WriteLine($"Language:   {match.Language}");
        foreach (var c in match.Candidates)
        {
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {c.TemplateId.Value,-24} {c.Confidence:0.00}  {string.Join(", ", c.Terms.Take(6).Select(t => t.Term))}"));
        }
    }

    /// <summary>Prints a simulation of a channel's saved policy: the decision, the match (as for 'match') and the explanation.</summary>
    public static void Write(CliRuntime runtime, SmartReplySimulation simulation, bool json)
    {
        var decision = simulation.Decision switch
        {
            SmartReplyDecision.NoPolicy => "no-policy",
            SmartReplyDecision.Paused => "paused",
            SmartReplyDecision.WouldSend => "would-send",
            _ => "match-failed",
        };
        if (json)
        {
            runtime.WriteJson(
                new SmartReplySimulationJson(simulation.ChannelId.Value, decision, simulation.Match is null ? null : ToJson(simulation.Match), simulation.Explanation),
                CliJson.Context.SmartReplySimulationJson);
            return;
        }

        runtime.Out.WriteLine($"Decision:   {decision}");
        foreach (var line in simulation.Explanation)
        {
            runtime.Out.WriteLine(line);
        }
    }

    public static MatchJson ToJson(TemplateMatch match) => new(
        Outcome(match.Outcome),
        match.TemplateId?.Value,
        Round(match.Confidence),
        match.Language,
        [.. match.Candidates.Select(c => new MatchCandidateJson(c.TemplateId.Value, Round(c.Confidence)))]);

    private static string Outcome(MatchOutcome outcome) => outcome switch
    {
        MatchOutcome.Matched => "matched",
        MatchOutcome.Suggested => "suggested",
        _ => "failed",
    };

    private static double Round(double value) => Math.Round(value, 4);

    private static Option<string> Text() => new("--text") { Description = "The buyer's text.", Required = true, HelpName = "T" };
}
