using System.Text.RegularExpressions;

namespace BuyerMessaging.Email.Tests;

public sealed class AmazonRelayFormatsTests
{
    [Fact]
    public void Default_EveryFormat_HasNameAndMarkersOrKeywords()
    {
        Assert.NotEmpty(AmazonRelayFormats.Default);
        foreach (var format in AmazonRelayFormats.Default)
        {
            Assert.False(string.IsNullOrWhiteSpace(format.Name));
            Assert.Equal(format.BeginMarkers.Count == 0, format.EndMarkers.Count == 0);
            Assert.True(format.BeginMarkers.Count > 0 || format.BodyKeywords.Count > 0, format.Name);
        }
    }

    [Fact]
    public void Default_HasKeywordsForTheLanguagesOfTheMarketplacesAndChinese()
    {
        var languages = AmazonRelayFormats.Default.Where(f => f.BodyKeywords.Count > 0).Select(f => f.Language).ToHashSet();

        Assert.Superset(languages, new HashSet<string?> { "en", "de", "fr", "it", "es", "pt", "ja", "nl", "pl", "sv", "tr", "ar", "zh" });
    }

    [Fact]
    public void Default_SubjectPatterns_CompileWithNameGroup()
    {
        foreach (var pattern in AmazonRelayFormats.Default.SelectMany(f => f.SubjectBuyerNamePatterns))
        {
            Assert.Contains("name", new Regex(pattern).GetGroupNames());
        }
    }

    [Fact]
    public void Default_Keywords_UseKnownTypesOnly()
    {
        var types = AmazonRelayFormats.Default.SelectMany(f => f.SubjectKeywords.Keys.Concat(f.BodyKeywords.Keys));

        Assert.All(types, t => Assert.True(Enum.IsDefined(t)));
    }

    [Fact]
    public void Default_SubjectKeywords_HaveNoOtherPhrases() =>
        Assert.DoesNotContain(AmazonRelayFormats.Default, f => f.SubjectKeywords.ContainsKey(BuyerMessageType.Other));

    [Fact]
    public void Default_IsReadOnly() =>
        Assert.Throws<NotSupportedException>(() => ((IList<AmazonRelayFormat>)AmazonRelayFormats.Default).Add(AmazonRelayFormats.English));

    [Fact]
    public void NotificationTypes_CoverTheKnownAmazonNotifications()
    {
        Assert.Equal(BuyerMessageType.AtoZClaim, AmazonRelayFormats.NotificationTypes["A_Z_"]);
        Assert.Equal(BuyerMessageType.ReturnRequest, AmazonRelayFormats.NotificationTypes["RETURN_REQUEST"]);
    }
}
