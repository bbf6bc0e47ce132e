using System.Text;
using NodaTime;

namespace BuyerMessaging.Cli.Tests;

public sealed class FormattingTests
{
    [Theory]
    [InlineData("abc", 3)]
    [InlineData("日本語", 6)]
    [InlineData("ｶﾀｶﾅ", 4)]
    [InlineData("ＡＢ", 4)]
    [InlineData("Köhler", 6)]
    [InlineData("e\u0301", 1)]
    [InlineData("한국", 4)]
    [InlineData("📦", 2)]
    public void Display_width_counts_East_Asian_wide_characters_as_two(string text, int width) =>
        Assert.Equal(width, DisplayWidth.Of(text));

    [Fact]
    public void Truncation_never_splits_a_wide_character_and_fits_the_width()
    {
        var cut = DisplayWidth.Truncate("お届け先住所の変更について", 10);

        Assert.Equal("お届け先…", cut);
        Assert.True(DisplayWidth.Of(cut) <= 10);
        Assert.Equal("short", DisplayWidth.Truncate("short", 10));
        Assert.Equal(10, DisplayWidth.Of(DisplayWidth.Pad(cut, 10)));
    }

    [Fact]
    public void One_line_collapses_line_breaks_and_tabs()
    {
        Assert.Equal("a b c", DisplayWidth.OneLine(" a\r\n\tb  c "));
    }

    [Fact]
    public void Tables_align_columns_after_wide_text()
    {
        using var writer = new StringWriter();
        TextTable.Write(writer, [new("Buyer"), new("Status")], [["佐藤 美咲", "Open"], ["Jane Doe", "Pending"]], 80);

        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        var status = DisplayWidth.Of(lines[0][..lines[0].IndexOf("Status", StringComparison.Ordinal)]);
        Assert.Equal(status, DisplayWidth.Of(lines[2][..lines[2].IndexOf("Open", StringComparison.Ordinal)]));
        Assert.Equal(status, DisplayWidth.Of(lines[3][..lines[3].IndexOf("Pending", StringComparison.Ordinal)]));
    }

    [Theory]
    [InlineData("awaiting-buyer", ConversationStatus.AwaitingBuyer)]
    [InlineData("AWAITING_BUYER", ConversationStatus.AwaitingBuyer)]
    [InlineData("awaitingBuyer", ConversationStatus.AwaitingBuyer)]
    [InlineData("Resolved", ConversationStatus.Resolved)]
    public void Statuses_parse_in_any_case_and_kebab_case(string text, ConversationStatus expected)
    {
        Assert.True(Names.TryParse<ConversationStatus>(text, out var status));
        Assert.Equal(expected, status);
    }

    [Fact]
    public void Enum_names_for_json_and_the_command_line()
    {
        Assert.Equal("shippingInquiry", Names.Camel(BuyerMessageType.ShippingInquiry));
        Assert.Equal("awaiting-buyer", Names.Kebab(ConversationStatus.AwaitingBuyer));
        Assert.Equal("ato-z-claim", Names.Kebab(BuyerMessageType.AtoZClaim));
        Assert.True(Names.TryParse<BuyerMessageType>("ato-z-claim", out var claim));
        Assert.Equal(BuyerMessageType.AtoZClaim, claim);
        Assert.False(Names.TryParse<ConversationStatus>("closed", out _));
        Assert.Equal("Awaiting buyer", Names.Display(ConversationStatus.AwaitingBuyer));
    }

    [Fact]
    public void Remaining_time_is_blank_without_a_due_instant_then_hours_left_then_overdue()
    {
        var now = Instant.FromUtc(2026, 11, 2, 12, 0);
        var conversation = new Conversation
        {
            Id = new ConversationId("1"),
            StoreId = new StoreId("s"),
            ChannelId = new ChannelId("c"),
            Buyer = new Buyer("Jane", "jane@example.com", false),
            FirstInboundAt = now,
            LastInboundAt = now,
            UpdatedAt = now,
        };

        Assert.Equal(string.Empty, Names.Remaining(conversation, now));
        Assert.Equal("23h left", Names.Remaining(conversation with { SlaDueAt = now + Duration.FromMinutes(23 * 60 + 59) }, now));
        Assert.Equal("<1h left", Names.Remaining(conversation with { SlaDueAt = now + Duration.FromMinutes(5) }, now));
        Assert.Equal("overdue +1d 3h", Names.Remaining(conversation with { SlaDueAt = now - Duration.FromHours(27) }, now));
        Assert.Equal(string.Empty, Names.Remaining(conversation with { SlaDueAt = now - Duration.FromHours(27), Status = ConversationStatus.AwaitingBuyer }, now));
    }

    [Fact]
    public void Json_is_camel_case_and_keeps_Japanese_readable()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(new IngestJson(1, 2, [new QuarantinedFileJson("受信/a.eml", "壊れています")]), CliJson.Context.IngestJson);

        Assert.Contains("\"ingested\": 1", json, StringComparison.Ordinal);
        Assert.Contains("受信/a.eml", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", json, StringComparison.Ordinal);
        Assert.Equal(json, Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(json)));
    }
}
