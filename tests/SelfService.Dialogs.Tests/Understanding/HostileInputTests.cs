using SelfService.Dialogs.Understanding;

namespace SelfService.Dialogs.Tests.Understanding;

/// <summary>Whatever is typed, the recogniser answers: no exception, no hang, no guess dressed up as understanding.</summary>
public sealed class HostileInputTests
{
    private static readonly SendLanguageUnderstanding Recogniser = new();
    private static readonly RecognitionContext Context = RecognitionContext.Empty(new DateOnly(2026, 11, 22));

    public static TheoryData<string> Hostile => new()
    {
        "",
        "   ",
        "<script>alert('x')</script>",
        "'; DROP TABLE Cases; --",
        "${user.email} {{7*7}} $when",
        "😀😀😀🎉",
        "\u0000\u0001\u200b",
        "[Sam](javascript:alert(1))",
        new string('a', 10_000),
        string.Concat(Enumerable.Repeat("where is ", 5_000)),
        "ǝɯ dlǝɥ",
        "where is \uD800 my case",
        "\uDC00\uD83D",
        "\uFFFF\uFFFE where is",
        new string('a', Words.MaxCharacters - 1) + "😀 where is",
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Hostile_or_empty_input_is_read_without_failing(string text)
    {
        var recognition = Recogniser.Recognise(text, Context);

        Assert.InRange(recognition.Confidence, 0, 1);
        Assert.Empty(recognition.Children);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<script>alert('x')</script>")]
    [InlineData("😀😀😀🎉")]
    [InlineData("lorem ipsum dolor sit amet")]
    public void Nonsense_is_not_understood(string text) =>
        Assert.Equal(Intent.None, Recogniser.Recognise(text, Context).Intent);

    [Fact]
    public void Very_long_input_is_only_read_so_far()
    {
        var text = new string('x', Words.MaxCharacters) + " where is my sons assessment";

        Assert.Equal(Intent.None, Recogniser.Recognise(text, Context).Intent);
    }
}
