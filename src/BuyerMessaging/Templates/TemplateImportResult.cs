namespace BuyerMessaging;

/// <summary>What <see cref="TemplateBook.ImportAsync"/> saved.</summary>
/// <param name="Imported">The templates saved, in file order, each in the store imported into.</param>
/// <param name="Replaced">The ids of those that replaced one of the store's templates (a subset of <paramref name="Imported"/>).</param>
public sealed record TemplateImportResult(IReadOnlyList<Template> Imported, IReadOnlyList<TemplateId> Replaced);
