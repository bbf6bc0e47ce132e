using System.Collections.Frozen;
using System.Text;

namespace BuyerMessaging.Internal;

/// <summary>
/// Makes the legacy code pages real mail uses (Shift_JIS, EUC-JP, ISO-2022-JP, windows-125x, ISO-8859-x) available
/// to <see cref="Encoding.GetEncoding(string)"/>, with the other names Japanese mailers give them
/// (<c>Windows-31J</c>, <c>MS932</c>, <c>eucJP</c>, <c>ISO-2022-JP-2</c>...), which .NET does not know. MimeKit
/// registers the code pages too; registering twice is harmless.
/// </summary>
internal static class CodePages
{
    private static readonly bool Registered = Register();

    public static void EnsureRegistered() => _ = Registered;

    private static bool Register()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Encoding.RegisterProvider(new AliasProvider());
        return true;
    }

    /// <summary>Charset names in use whose code page .NET knows under another name (IANA aliases and mailers' own).</summary>
    private sealed class AliasProvider : EncodingProvider
    {
        private static readonly FrozenDictionary<string, int> Aliases = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
        {
            // Microsoft's Shift_JIS (with NEC and IBM extensions), as Outlook and Java label it.
            ["windows-31j"] = 932,
            ["ms932"] = 932,
            ["ms_kanji"] = 932,
            ["x-sjis"] = 932,
            ["sjis-open"] = 932,
            ["sjis-win"] = 932,
            ["cswindows31j"] = 932,
            // EUC-JP under the names PHP, Java and old Unix mailers use.
            ["eucjp"] = 51932,
            ["eucjp-ms"] = 51932,
            ["eucjp-open"] = 51932,
            ["eucjp-win"] = 51932,
            ["x-eucjp"] = 51932,
            ["cp51932"] = 51932,
            // ISO-2022-JP's extensions: decoding as ISO-2022-JP reads everything of them that Japanese mail uses.
            ["iso-2022-jp-1"] = 50220,
            ["iso-2022-jp-2"] = 50220,
            ["iso-2022-jp-3"] = 50220,
            ["iso-2022-jp-ms"] = 50221,
            ["cp50221"] = 50221,
            ["cp50222"] = 50222,
        }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

        public override Encoding? GetEncoding(int codepage) => null;

        public override Encoding? GetEncoding(string name) =>
            Aliases.TryGetValue(name.Trim(), out var codepage) ? CodePagesEncodingProvider.Instance.GetEncoding(codepage) : null;
    }
}
