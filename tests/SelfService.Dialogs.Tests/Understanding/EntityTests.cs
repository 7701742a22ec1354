using SelfService.Dialogs.Understanding;

namespace SelfService.Dialogs.Tests.Understanding;

/// <summary>Which child, which date, which reference: as parents actually type them.</summary>
public sealed class EntityTests
{
    private static readonly SendLanguageUnderstanding Recogniser = new();
    private static readonly DateOnly Today = new(2026, 11, 22); // a Sunday

    private static readonly KnownChild Sam = new(Guid.NewGuid(), "Samuel", "Sam", "Carter");
    private static readonly KnownChild Maisie = new(Guid.NewGuid(), "Maisie", null, "Carter");
    private static readonly RecognitionContext Carters = new([Sam, Maisie], Today);

    private static Recognition Read(string text, RecognitionContext? context = null) => Recogniser.Recognise(text, context ?? Carters);

    [Theory]
    [InlineData("where's Sam's assessment")]
    [InlineData("any news on sams ehcp")]
    [InlineData("how is Samuel getting on")]
    [InlineData("update on Sammy please")]
    [InlineData("whats happening with Samule")]
    public void Sam_is_found_by_name_nickname_or_typo(string text)
    {
        var child = Assert.Single(Read(text).Children);

        Assert.Equal(Sam.Id, child.ChildId);
    }

    [Theory]
    [InlineData("how is Maisy doing")]
    [InlineData("Maisies review")]
    [InlineData("any news about maise")]
    public void Maisie_is_found_by_other_spellings(string text) =>
        Assert.Equal(Maisie.Id, Assert.Single(Read(text).Children).ChildId);

    [Fact]
    public void A_surname_both_children_share_names_neither_in_particular()
    {
        var recognition = Read("how are the Carter children doing");

        Assert.Equal(2, recognition.Children.Count);
    }

    [Fact]
    public void An_exact_first_name_beats_the_shared_surname()
    {
        Assert.Equal(Sam.Id, Assert.Single(Read("Sam Carter's assessment").Children).ChildId);
    }

    [Theory]
    [InlineData("where's Leo's assessment", "Leo")]
    [InlineData("any news about Oliver", "Oliver")]
    [InlineData("update on priya please", null)]
    [InlineData("has the panel decided about jasmine", "Jasmine")]
    public void Another_name_is_reported_as_asked_but_never_matched(string text, string? expected)
    {
        var recognition = Read(text);

        Assert.Empty(recognition.Children);
        if (expected is not null)
        {
            Assert.Equal(expected, recognition.ChildNameAsked);
        }
    }

    [Fact]
    public void A_user_with_no_children_of_their_own_never_gets_a_match()
    {
        var recognition = Read("where's Sam's assessment", RecognitionContext.Empty(Today));

        Assert.Empty(recognition.Children);
        Assert.Equal("Sam", recognition.ChildNameAsked);
    }

    [Theory]
    [InlineData("status of EHC-2026-000042", "EHC-2026-000042")]
    [InlineData("what about ehc 2026 42", "EHC-2026-000042")]
    [InlineData("EHC/2025/123456 please", "EHC-2025-123456")]
    [InlineData("plan ehcp-777", "EHCP-000777")]
    [InlineData("status of EHCP-2026-000123", "EHCP-2026-000123")]
    [InlineData("our plan is ehcp 2027 45", "EHCP-2027-000045")]
    [InlineData("where's the EHCP", null)]
    public void References_are_found_and_normalised(string text, string? expected) =>
        Assert.Equal(expected, Read(text).CaseReference);

    [Theory]
    [InlineData("the letter came on 3/4/2026", 2026, 4, 3)]
    [InlineData("dated 03.04.26", 2026, 4, 3)]
    [InlineData("we applied on 5th of October", 2026, 10, 5)]
    [InlineData("the deadline is 15 February", 2027, 2, 15)]
    [InlineData("we got it on March 2nd 2026", 2026, 3, 2)]
    [InlineData("the panel is tomorrow", 2026, 11, 23)]
    [InlineData("we heard yesterday", 2026, 11, 21)]
    [InlineData("the meeting is next Tuesday", 2026, 11, 24)]
    [InlineData("they wrote last friday", 2026, 11, 20)]
    [InlineData("the review is in two weeks", 2026, 12, 6)]
    [InlineData("we applied 3 months ago", 2026, 8, 22)]
    public void Dates_are_read_the_British_way(string text, int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), Read(text).Date?.Date);

    [Theory]
    [InlineData("what is the 20 week process")]
    [InlineData("31/02/2026")]
    public void Numbers_that_are_not_dates_are_not_dates(string text) => Assert.Null(Read(text).Date);
}
