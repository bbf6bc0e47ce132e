namespace BuyerMessaging;

/// <summary>
/// The built-in sample library (サンプルテンプレート): the 15 situations sellers meet most (shipping delay, tracking not
/// updating, lost parcel, damaged item, defective item, wrong item, missing part, how to use, return request, refund,
/// cancellation, address change, warranty, A-to-Z claim resolution, out-of-office), each in English, Japanese and
/// German. They apologise first, offer numbered choices and give a time frame, and hold no links, contact details,
/// review requests or incentives. Shipped as embedded JSON in the <see cref="TemplateJson"/> format; copy one to a
/// store with <see cref="TemplateBook.CopySampleAsync"/> to edit it.
/// </summary>
public static class TemplateSamples
{
    /// <summary>The languages of the library.</summary>
    public static readonly IReadOnlyList<string> Languages = ["en", "ja", "de"];

    private static readonly Lazy<IReadOnlyList<Template>> Library = new(Load);

    /// <summary>Gets every sample, by language then situation.</summary>
    public static IReadOnlyList<Template> All => Library.Value;

    /// <summary>Gets a sample by id.</summary>
    /// <param name="id">The id, for example "sample-shipping-delay-en".</param>
    /// <returns>The sample, or <see langword="null"/>.</returns>
    public static Template? Find(TemplateId id) => All.FirstOrDefault(t => t.Id == id);

    private static List<Template> Load()
    {
        var assembly = typeof(TemplateSamples).Assembly;
        var all = new List<Template>();
        foreach (var language in Languages)
        {
            using var stream = assembly.GetManifestResourceStream("BuyerMessaging.TemplateSamples." + language)
                ?? throw new InvalidOperationException($"The sample templates for '{language}' are missing from the assembly.");
            using var reader = new StreamReader(stream);
            all.AddRange(TemplateJson.Import(reader.ReadToEnd()));
        }

        return all;
    }
}
