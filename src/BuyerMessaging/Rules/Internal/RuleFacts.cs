namespace BuyerMessaging.Internal;

/// <summary>The facts of one message for one rule run, with the text fields folded once, on first use.</summary>
internal sealed class RuleFacts(RuleInput input)
{
    private string? _subject;
    private string? _sender;
    private string? _body;
    private string? _language;

    public RuleInput Input { get; } = input;

    public string Language => _language ??= (Input.Language ?? string.Empty).Trim().ToLowerInvariant();

    public string Folded(RuleField field) => field switch
    {
        RuleField.Subject => _subject ??= TextFolding.Fold(Input.Subject),
        RuleField.Sender => _sender ??= TextFolding.Fold(Input.Sender),
        _ => _body ??= TextFolding.Fold(Input.Body),
    };

    public string Raw(RuleField field) => field switch
    {
        RuleField.Subject => Input.Subject,
        RuleField.Sender => Input.Sender,
        _ => Input.Body,
    };
}
