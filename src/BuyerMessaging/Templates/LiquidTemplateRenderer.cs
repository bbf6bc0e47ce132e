using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using BuyerMessaging.Internal;
using BuyerMessaging.Internal.Liquid;
using NodaTime;

namespace BuyerMessaging;

/// <summary>
/// The default <see cref="ITemplateRenderer"/>: renders a template's subject and body written in a Liquid subset (see the
/// package README) against <c>buyer</c>, <c>order</c>, <c>store</c>, <c>channel</c>, <c>agent</c>, <c>conversation</c>
/// and <c>now</c>. Dates are formatted in the channel's language and time zone; values are HTML-escaped in HTML bodies;
/// the subject is always one line. Missing values are all named in one <see cref="TemplateRenderException"/> unless the
/// template gives a default (<c>{{ buyer.name | default: "customer" }}</c>).
/// </summary>
/// <remarks>
/// Thread-safe. Sandboxed: the model is plain values (no reflection, no CLR members), there are no tags that read files
/// (<c>include</c>, <c>render</c>), and loops and output are bounded. Parsed templates are cached by their text.
/// </remarks>
public sealed partial class LiquidTemplateRenderer : ITemplateRenderer
{
    private const int MaxCachedTemplates = 1024;
    private readonly ConcurrentDictionary<string, LiquidDocument> _cache = new(StringComparer.Ordinal);
    private readonly IClock _clock;
    private readonly IDateTimeZoneProvider _zones;
    private readonly IOrderLookup? _orderLookup;
    private readonly IConversationStore? _store;

    /// <summary>Initializes a new instance of the <see cref="LiquidTemplateRenderer"/> class.</summary>
    /// <param name="clock">The clock (<c>now</c>).</param>
    /// <param name="zones">The time zones; the tz database when <see langword="null"/>.</param>
    /// <param name="orderLookup">Looks orders up; without it, templates see only the conversation's order id.</param>
    /// <param name="store">The store, to find the store's and the assignee's names; optional.</param>
    /// <exception cref="ArgumentNullException"><paramref name="clock"/> is <see langword="null"/>.</exception>
    public LiquidTemplateRenderer(IClock clock, IDateTimeZoneProvider? zones = null, IOrderLookup? orderLookup = null, IConversationStore? store = null)
    {
        ArgumentNullException.ThrowIfNull(clock);
        _clock = clock;
        _zones = zones ?? DateTimeZoneProviders.Tzdb;
        _orderLookup = orderLookup;
        _store = store;
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="TemplateRenderException">A value is missing, the markup does not parse or a sandbox bound was hit.</exception>
    public async Task<RenderedTemplate> RenderAsync(Template template, Conversation conversation, Channel channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(channel);
        OrderDetails? order = null;
        if (conversation.OrderId is { } orderId)
        {
            order = (_orderLookup is null ? null : await _orderLookup.GetOrderAsync(channel, orderId, cancellationToken).ConfigureAwait(false))
                ?? new OrderDetails { Id = orderId };
        }

        Store? store = null;
        Agent? agent = null;
        if (_store is not null)
        {
            store = (await _store.GetStoresAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(s => s.Id == conversation.StoreId);
            if (conversation.Assignee is { } assignee)
            {
                agent = (await _store.GetAgentsAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(a => a.Id == assignee);
            }
        }

        store ??= channel.StoreName is { } name ? new Store { Id = conversation.StoreId, Name = name } : null;
        var model = new TemplateModel { Buyer = conversation.Buyer, Order = order, Store = store, Channel = channel, Agent = agent, Conversation = conversation };
        return Render(template, model);
    }

    /// <summary>Renders a template with a model (for previews: see <see cref="TemplateModel.Sample"/>).</summary>
    /// <param name="template">The template.</param>
    /// <param name="model">The values.</param>
    /// <returns>The rendered reply; the subject is one line.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="TemplateRenderException">A value is missing (all are listed), the markup does not parse or a sandbox bound was hit.</exception>
    public RenderedTemplate Render(Template template, TemplateModel model)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(model);
        var culture = Culture(model.Channel?.Language ?? template.Language);
        var zone = Zone(model.Channel);
        var values = TemplateVariables.ToValues(model, _clock.GetCurrentInstant());
        var missing = new List<string>();
        var subject = SingleLine(RenderMember(template, "Subject", template.Subject, values, culture, zone, html: false, missing));
        var body = RenderMember(template, "Body", template.Body, values, culture, zone, template.IsHtml, missing);
        if (missing.Count > 0)
        {
            throw new TemplateRenderException(
                template.Id,
                $"no value for {string.Join(", ", missing)}; give each a default (for example {{{{ buyer.name | default: \"customer\" }}}}) or supply the value",
                missing);
        }

        var rendered = template.IsHtml ? new RenderedTemplate(subject, HtmlToText(body), body) : new RenderedTemplate(subject, body, null);
        return rendered with { Attachments = template.Attachments };
    }

    /// <summary>
    /// Checks a template's subject and body: the markup parses, every variable exists (<c>Body: unknown variable
    /// 'ordr.id' at line 3</c>), every filter is known, and the subject is one line.
    /// </summary>
    /// <param name="template">The template.</param>
    /// <returns>Every problem, with the member it is in; empty when the template is valid.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="template"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<ValidationError> Validate(Template template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var errors = new List<ValidationError>();
        if (template.Subject.AsSpan().IndexOfAny('\r', '\n') is var at and >= 0)
        {
            errors.Add(new("Subject", $"must be one line (a line break at position {at + 1})"));
        }

        Validate("Subject", template.Subject, errors);
        Validate("Body", template.Body, errors);
        return errors;
    }

    private static void Validate(string member, string text, List<ValidationError> errors)
    {
        try
        {
            var document = LiquidParser.Parse(text);
            foreach (var (message, line) in LiquidValidator.Validate(document, TemplateVariables.Schema))
            {
                errors.Add(new(member, string.Create(CultureInfo.InvariantCulture, $"{message} at line {line}")));
            }
        }
        catch (LiquidSyntaxException ex)
        {
            errors.Add(new(member, string.Create(CultureInfo.InvariantCulture, $"{ex.Message} at line {ex.Line}")));
        }
    }

    private string RenderMember(
        Template template, string member, string text, Dictionary<string, object?> values, CultureInfo culture, DateTimeZone zone, bool html, List<string> missing)
    {
        try
        {
            var evaluator = new LiquidEvaluator(values, culture, zone, _clock.GetCurrentInstant(), html);
            var output = evaluator.Render(Parse(text));
            missing.AddRange(evaluator.Missing.Select(m => $"{member}: {m}"));
            return output;
        }
        catch (LiquidSyntaxException ex)
        {
            throw new TemplateRenderException(template.Id, string.Create(CultureInfo.InvariantCulture, $"{member}: {ex.Message} at line {ex.Line}"));
        }
        catch (LiquidRenderLimitException ex)
        {
            throw new TemplateRenderException(template.Id, string.Create(CultureInfo.InvariantCulture, $"{member}: {ex.Message} at line {ex.Line}"));
        }
        catch (FormatException ex)
        {
            throw new TemplateRenderException(template.Id, $"{member}: {ex.Message}");
        }
    }

    private LiquidDocument Parse(string text)
    {
        if (_cache.TryGetValue(text, out var document))
        {
            return document;
        }

        document = LiquidParser.Parse(text);
        if (_cache.Count >= MaxCachedTemplates)
        {
            _cache.Clear();
        }

        _cache[text] = document;
        return document;
    }

    private DateTimeZone Zone(Channel? channel)
    {
        if (channel?.TimeZoneId is { } id && _zones.GetZoneOrNull(id) is { } zone)
        {
            return zone;
        }

        return AmazonMarketplaces.TryGetByCountry(channel?.CountryCode, out var marketplace) && _zones.GetZoneOrNull(marketplace.TimeZoneId) is { } z
            ? z
            : DateTimeZone.Utc;
    }

    private static CultureInfo Culture(string? language)
    {
        try
        {
            return string.IsNullOrWhiteSpace(language) ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(language.Trim());
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.InvariantCulture;
        }
    }

    /// <summary>Makes a subject one line: every line break, control and separator character becomes a space.</summary>
    internal static string SingleLine(string text) => Whitespace.Collapse(text, controls: true);

    private static string HtmlToText(string html) =>
        WebUtility.HtmlDecode(Tags().Replace(Breaks().Replace(html, "\n"), string.Empty)).Trim();

    [GeneratedRegex(@"<br\s*/?>|</p>", RegexOptions.IgnoreCase)]
    private static partial Regex Breaks();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
