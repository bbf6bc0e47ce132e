using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace BuyerMessaging.Internal;

/// <summary>
/// Whether a text says "not": words and endings that negate, per language (primary tag). A question that negates
/// ("don't cancel my order", "キャンセルしないでください", "bitte nicht stornieren") asks the opposite of a template
/// whose examples never do, though it shares every word with them.
/// </summary>
internal static partial class Negation
{
    private static readonly FrozenDictionary<string, Regex> ByLanguage = new Dictionary<string, Regex>(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = English(),
        ["de"] = German(),
        ["fr"] = French(),
        ["es"] = Spanish(),
        ["it"] = Italian(),
        ["pt"] = Portuguese(),
        ["nl"] = Dutch(),
        ["sv"] = Swedish(),
        ["pl"] = Polish(),
        ["ja"] = Japanese(),
        ["zh"] = Chinese(),
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether negation is known for a language.</summary>
    public static bool Knows(string language) => ByLanguage.ContainsKey(language);

    /// <summary>Whether the text negates something, in the language given (false for a language not known).</summary>
    public static bool In(string text, string language) =>
        ByLanguage.TryGetValue(language, out var pattern) && pattern.IsMatch(TextFolding.Fold(text));

    // The texts are folded first (TextFolding: NFKC, lower case, width), so the patterns are lower case; apostrophes
    // are both the typewriter and the typographic one.
    [GeneratedRegex(@"\b(?:not|no|never|nothing|none|nor|neither|cannot|without|\w+n['’]t|dont|didnt|doesnt|isnt|wasnt|werent|arent|havent|hasnt|hadnt|cant|wont|wouldnt|shouldnt|couldnt)\b", RegexOptions.CultureInvariant)]
    private static partial Regex English();

    [GeneratedRegex(@"\b(?:nicht|kein|keine|keinen|keinem|keiner|keines|nie|niemals|nichts|ohne)\b", RegexOptions.CultureInvariant)]
    private static partial Regex German();

    [GeneratedRegex(@"(?:\b(?:ne|pas|jamais|aucun|aucune|rien|sans|personne)\b|\bn['’])", RegexOptions.CultureInvariant)]
    private static partial Regex French();

    [GeneratedRegex(@"\b(?:no|nunca|jamás|jamas|sin|ningún|ningun|ninguna|ninguno|nada|tampoco)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Spanish();

    [GeneratedRegex(@"\b(?:non|mai|nessun|nessuna|nessuno|niente|nulla|senza|neanche)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Italian();

    [GeneratedRegex(@"\b(?:não|nao|nunca|jamais|sem|nenhum|nenhuma|nada)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Portuguese();

    [GeneratedRegex(@"\b(?:niet|geen|nooit|zonder|niets)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Dutch();

    [GeneratedRegex(@"\b(?:inte|ej|aldrig|utan|ingen|inget|inga)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Swedish();

    [GeneratedRegex(@"\b(?:nie|nigdy|bez|żaden|żadna|żadne|zaden|zadna|zadne)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Polish();

    // Verb endings: 〜ない, 〜なかった, 〜ません, 〜ず; and なし/無し. 不 and 未 are left out: they start nouns (不良品, 未着)
    // whose templates say the same.
    [GeneratedRegex(@"ない|なかっ|ません|ず[、。,.\s！!？?]|ずに|ず$|なし|無し", RegexOptions.CultureInvariant)]
    private static partial Regex Japanese();

    [GeneratedRegex(@"[不没沒别別无無勿]", RegexOptions.CultureInvariant)]
    private static partial Regex Chinese();
}
