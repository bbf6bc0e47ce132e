using Microsoft.Extensions.Options;

namespace BuyerMessaging.Internal;

/// <summary>Validates the ranges of <see cref="MimeParsingOptions"/> (generated from its DataAnnotations).</summary>
[OptionsValidator]
internal sealed partial class MimeParsingOptionsValidator : IValidateOptions<MimeParsingOptions>
{
}
