using System.Text;

namespace BuyerMessaging.Internal;

/// <summary>
/// Makes the legacy code pages real mail uses (Shift_JIS, EUC-JP, ISO-2022-JP, windows-125x, ISO-8859-x) available
/// to <see cref="Encoding.GetEncoding(string)"/>. MimeKit registers them too; registering twice is harmless.
/// </summary>
internal static class CodePages
{
    private static readonly bool Registered = Register();

    public static void EnsureRegistered() => _ = Registered;

    private static bool Register()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return true;
    }
}
