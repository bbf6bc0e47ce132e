using System.Text.RegularExpressions;

namespace BuyerMessaging.Email.Tests;

public sealed class AmazonRelayFormatsTests
{
    [Fact]
    public void Default_EveryFormat_HasNameAndMarkers()
    {
        Assert.NotEmpty(AmazonRelayFormats.Default);
        foreach (var format in AmazonRelayFormats.Default)
        {
            Assert.False(string.IsNullOrWhiteSpace(format.Name));
            Assert.NotEmpty(format.BeginMarkers);
            Assert.NotEmpty(format.EndMarkers);
        }
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

        Assert.All(types, t => Assert.True(Enum.IsDefined(t) && t != BuyerMessageType.Other));
    }

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
