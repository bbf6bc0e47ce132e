namespace BuyerMessaging.Internal;

/// <summary>
/// The default <see cref="ITemplateSaveCheck"/>: the Amazon content check on the template's subject, body and
/// attachments. Every block finding refuses the save, named by the part it is in; warnings do not.
/// </summary>
internal sealed class ContentTemplateSaveCheck(IContentChecker checker) : ITemplateSaveCheck
{
    public ValueTask<IReadOnlyList<ValidationError>> CheckAsync(Template template, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(template);
        var result = checker.CheckTemplate(template);
        IReadOnlyList<ValidationError> errors = [.. result.Findings
            .Where(f => f.Severity == ContentSeverity.Block)
            .Select(f => new ValidationError(
                f.Part == ContentPart.Attachment ? $"Attachments[{f.Start}]" : f.Part.ToString(),
                f.Part == ContentPart.Attachment ? $"{f.RuleId}: {f.Message}" : $"{f.RuleId}: {f.Message} (at {f.Start}: '{f.Text}')"))];
        return ValueTask.FromResult(errors);
    }
}
