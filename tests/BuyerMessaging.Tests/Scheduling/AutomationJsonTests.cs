using BuyerMessaging.Internal;
using NodaTime;
using NodaTime.Text;

namespace BuyerMessaging.Tests;

public sealed class AutomationJsonTests
{
    [Fact]
    public void Format_AnyInstant_SameAsTheExtendedIsoPatternAndParsesBack()
    {
        List<Instant> instants =
        [
            Instant.MinValue, Instant.MaxValue, NodaConstants.UnixEpoch, NodaConstants.BclEpoch,
            NodaConstants.BclEpoch - Duration.Epsilon, Instant.FromUtc(2026, 11, 23, 9, 30, 0),
            Instant.FromUtc(2026, 11, 23, 9, 30, 0) + Duration.FromMilliseconds(500),
            Instant.FromUtc(2026, 11, 23, 9, 30, 0) + Duration.FromNanoseconds(1),
            Instant.FromUtc(2026, 11, 23, 9, 30, 0) + Duration.FromNanoseconds(120_000_000),
            Instant.FromUtc(9999, 12, 31, 23, 59, 59) + Duration.FromNanoseconds(999_999_999),
        ];
        var random = new Random(20261123);
        var span = (Instant.MaxValue - Instant.MinValue).TotalNanoseconds;
        for (var i = 0; i < 20_000; i++)
        {
            // Whole seconds, milliseconds, ticks and nanoseconds, across the whole range.
            var at = Instant.MinValue + Duration.FromNanoseconds(random.NextDouble() * span);
            var unit = (i % 4) switch { 0 => 1_000_000_000L, 1 => 1_000_000L, 2 => 100L, _ => 1L };
            var nanos = at.InUtc().NanosecondOfSecond;
            instants.Add(at - Duration.FromNanoseconds(nanos % unit));
        }

        foreach (var instant in instants)
        {
            var text = AutomationJson.Format(instant);
            Assert.Equal(InstantPattern.ExtendedIso.Format(instant), text);
            Assert.Equal(instant, AutomationJson.ParseInstant(text));
        }
    }

    [Fact]
    public void Outgoing_WithAttachments_RoundTrips_AndAPayloadWithoutThemReadsAsNone()
    {
        var outgoing = new OutgoingMessage
        {
            Kind = OutgoingKind.Reply,
            ConversationId = new("7"),
            ChannelId = new("northwind-support"),
            To = [new MailParticipant("Pat", "pat@mail.example")],
            Subject = "Re: Manual",
            Text = "Attached.",
            InternetMessageId = "bm.1@northwind.example",
            Attachments = [new MessageAttachment { FileName = "manual.pdf", ContentType = "application/pdf", Content = new byte[] { 0, 1, 254, 255 } }],
        };

        var json = AutomationJson.Serialize(outgoing);
        var back = AutomationJson.DeserializeOutgoing(json);
        var withoutFiles = AutomationJson.DeserializeOutgoing(AutomationJson.Serialize(outgoing with { Attachments = [] }));

        var attachment = Assert.Single(back.Attachments);
        Assert.Equal(("manual.pdf", "application/pdf", 4L), (attachment.FileName, attachment.ContentType, attachment.Size));
        Assert.Equal(new byte[] { 0, 1, 254, 255 }, attachment.Content.ToArray());
        Assert.Contains("\"content\":\"AAH+/w==\"", json, StringComparison.Ordinal);
        Assert.Empty(withoutFiles.Attachments);
        Assert.DoesNotContain("attachments", AutomationJson.Serialize(outgoing with { Attachments = [] }), StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutAttachmentContent_KeepsNameTypeAndSize_AndNothingElseChanges()
    {
        var outgoing = new OutgoingMessage
        {
            Kind = OutgoingKind.Reply,
            ConversationId = new("c1"),
            ChannelId = new("ch1"),
            To = [new MailParticipant("Buyer", "buyer@example.com")],
            Subject = "Re: manual",
            Text = "Attached.",
            InternetMessageId = "<r1@example.com>",
            Attachments =
            [
                new MessageAttachment { FileName = "manual.pdf", ContentType = "application/pdf", Content = new byte[] { 0, 1, 254, 255 } },
                new MessageAttachment { FileName = "photo.jpg", ContentType = "image/jpeg", Content = new byte[1000] },
            ],
        };
        var payload = AutomationJson.Serialize(outgoing);

        var compacted = AutomationJson.WithoutAttachmentContent(payload);

        Assert.NotNull(compacted);
        Assert.True(compacted.Length < payload.Length - 1000);
        Assert.DoesNotContain("\"content\"", compacted, StringComparison.Ordinal);
        Assert.Contains("\"size\":1000", compacted, StringComparison.Ordinal);
        var back = AutomationJson.DeserializeOutgoing(compacted);
        Assert.Equal(["manual.pdf", "photo.jpg"], back.Attachments.Select(a => a.FileName));
        Assert.Equal(["application/pdf", "image/jpeg"], back.Attachments.Select(a => a.ContentType));
        Assert.All(back.Attachments, a => Assert.Equal(0, a.Size));
        Assert.Equivalent(outgoing with { Attachments = [] }, back with { Attachments = [] });
        Assert.Null(AutomationJson.WithoutAttachmentContent(compacted));
        Assert.Null(AutomationJson.WithoutAttachmentContent(AutomationJson.Serialize(outgoing with { Attachments = [] })));
    }
}
