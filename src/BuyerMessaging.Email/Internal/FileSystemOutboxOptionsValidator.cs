using Microsoft.Extensions.Options;

namespace BuyerMessaging.Internal;

/// <summary>Validates <see cref="FileSystemOutboxOptions"/> (generated from its DataAnnotations).</summary>
[OptionsValidator]
internal sealed partial class FileSystemOutboxOptionsValidator : IValidateOptions<FileSystemOutboxOptions>
{
}
