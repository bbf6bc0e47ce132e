using BuyerMessaging.Internal;

namespace BuyerMessaging.Tests;

public sealed class LanguageWordsTests
{
    [Fact]
    public void Score_WordSeveralLanguagesList_AddsToEachOfThemLessInALongerList()
    {
        var words = LanguageWords.Build(["da", "de", "nb"], [("da", "de"), ("da", "jeg"), ("nb", "de"), ("nb", "jeg"), ("nb", "ikke"), ("nb", "hva")]);
        var scores = new double[3];

        var found = words.Score("de", ScriptGroup.Latin, scores);

        Assert.Equal(1, found);
        Assert.Equal(0, scores[1]);
        Assert.True(scores[2] > 0, $"nb {scores[2]}");
        Assert.True(scores[0] > scores[2], $"da {scores[0]} nb {scores[2]}");
        Assert.Equal(Math.Log(2), scores[0] - scores[2], 0.01);
    }

    [Fact]
    public void Score_WordWithoutItsAccents_CountsAsTheListedWord()
    {
        var words = LanguageWords.Build(["es", "it"], [("es", "está"), ("it", "è")]);
        var scores = new double[2];

        words.Score("el paquete esta roto e basta", ScriptGroup.Latin, scores);

        Assert.True(scores[0] > 0);
        Assert.True(scores[1] > 0);
        Assert.Equal(scores[0], scores[1], 6);
    }

    [Fact]
    public void Score_RunsOfAnotherScript_AreNotRead()
    {
        var words = LanguageWords.Build(["en", "ru"], [("en", "my"), ("ru", "мой")]);
        var scores = new double[2];

        var found = words.Score("мой my", ScriptGroup.Latin, scores);

        Assert.Equal(1, found);
        Assert.Equal(0, scores[1]);
    }

    [Fact]
    public void Select_KeepsSingleFoldedWordsOfTheListsScript()
    {
        var kept = LanguageWords.Select(["Der", "der", "z.B", "could've", "10", "_", "für", "мой", "ist"]);

        Assert.Equal(["der", "für", "ist"], kept);
    }

    [Fact]
    public void Parse_LineWithoutWord_IsAFormatError()
    {
        using var reader = new StringReader("# comment\nde\tist\nde\t\n");

        Assert.Throws<FormatException>(() => LanguageWords.Parse(reader));
    }
}
