using Microsoft.Extensions.Options;

namespace BuyerMessaging.Internal;

/// <summary>Validates the DataAnnotations of <see cref="SemanticMatchingOptions"/> (source-generated): a bad value fails with the field named.</summary>
[OptionsValidator]
internal sealed partial class SemanticMatchingOptionsValidator : IValidateOptions<SemanticMatchingOptions>;
