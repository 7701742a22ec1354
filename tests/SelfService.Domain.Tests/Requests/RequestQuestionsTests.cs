using SelfService.Domain.Assessments;
using SelfService.Domain.Common;
using SelfService.Domain.People;
using SelfService.Domain.Requests;

namespace SelfService.Domain.Tests.Requests;

public sealed class RequestQuestionsTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [InlineData("ls1 1ur", "LS1 1UR")]
    [InlineData("SW1A2AA", "SW1A 2AA")]
    [InlineData(" m1  1ae ", "M1 1AE")]
    [InlineData("B33 8TH", "B33 8TH")]
    public void Uk_postcodes_are_accepted_and_tidied(string typed, string stored) =>
        Assert.Equal(stored, AnswerFormats.NormalisePostcode(typed));

    [Theory]
    [InlineData("LS1")]
    [InlineData("12345")]
    [InlineData("LS1 1UC1")]
    [InlineData("LS1 1CA")]
    public void Things_that_are_not_postcodes_are_refused(string typed) =>
        Assert.Null(AnswerFormats.NormalisePostcode(typed));

    [Theory]
    [InlineData("", "", "", "DateOfBirth.Day", "Enter date of birth")]
    [InlineData("1", "", "2019", "DateOfBirth.Month", "Date of birth must include a month")]
    [InlineData("", "", "2019", "DateOfBirth.Day", "Date of birth must include a day and a month")]
    [InlineData("29", "2", "2019", "DateOfBirth.Day", "Date of birth must be a real date")]
    [InlineData("1", "13", "2019", "DateOfBirth.Day", "Date of birth must be a real date")]
    [InlineData("1", "2", "19", "DateOfBirth.Year", "Year must include 4 numbers")]
    public void Dates_are_read_with_the_design_systems_wording(string day, string month, string year, string field, string message)
    {
        var (date, error) = AnswerFormats.ReadDate("DateOfBirth", "Date of birth", new DateParts(day, month, year));
        Assert.Null(date);
        Assert.Equal(new FieldError(field, message), error);
    }

    [Fact]
    public void A_leap_day_birthday_is_a_real_date() =>
        Assert.Equal(new DateOnly(2020, 2, 29), AnswerFormats.ReadDate("D", "Date", new DateParts("29", "2", "2020")).Date);

    [Theory]
    [InlineData(0, Requester.Parent, true)]
    [InlineData(25, Requester.Parent, true)]
    [InlineData(26, Requester.Parent, false)]
    [InlineData(15, Requester.YoungPerson, false)]
    [InlineData(16, Requester.YoungPerson, true)]
    [InlineData(25, Requester.YoungPerson, true)]
    public void The_child_must_be_0_to_25_and_a_young_person_asking_for_themselves_16_to_25(int age, Requester requester, bool valid)
    {
        // Born the day before today's date that many years ago (so exactly that age, not a day short).
        var born = Today.AddYears(-age).AddDays(-1);
        var result = RequestQuestions.CheckChild(new ChildInput("Ann", "O'Neill-Smith", null, DateParts.From(born), "LS1 1UR"), requester, Today);
        Assert.Equal(valid, result.IsValid);
    }

    [Fact]
    public void A_child_under_16_needs_a_parent_but_a_young_person_asking_for_themselves_does_not()
    {
        var child = new ChildAnswer(null, "Ann", "Lee", null, Today.AddYears(-10), "LS1 1UR");
        Assert.False(RequestQuestions.CheckParents([], Requester.Parent, child, Today).IsValid);
        var adult = child with { DateOfBirth = Today.AddYears(-19) };
        Assert.True(RequestQuestions.CheckParents([], Requester.YoungPerson, adult, Today).IsValid);
    }

    [Fact]
    public void A_school_must_give_each_parents_email_and_show_its_sen_support()
    {
        var parent = new ParentInput("Jo", "Lee", nameof(ParentRelationship.Mother), null, null, IsRequester: false);
        var parents = RequestQuestions.CheckParents([parent], Requester.SchoolWithParentalConsent, null, Today);
        Assert.Equal("Parents[0].Email", Assert.Single(parents.Errors).Field);
        Assert.False(RequestQuestions.CheckSupportHistory("no", null, null, null, Requester.SchoolWithParentalConsent).IsValid);
        Assert.True(RequestQuestions.CheckSupportHistory("no", null, null, null, Requester.Parent).IsValid);
    }

    [Fact]
    public void Consent_cannot_be_given_in_the_future()
    {
        var result = RequestQuestions.CheckConsent("Jo Lee", nameof(ConsentMethod.Email), DateParts.From(Today.AddDays(1)), Today);
        Assert.Equal("GivenOn.Day", Assert.Single(result.Errors).Field);
    }

    [Fact]
    public void Only_a_contact_of_a_school_can_ask_as_that_school()
    {
        var none = new Dictionary<Guid, string>();
        Assert.False(RequestQuestions.CheckWhoIsAsking(nameof(Requester.SchoolWithParentalConsent), null, none).IsValid);
        var schoolId = Guid.NewGuid();
        var two = new Dictionary<Guid, string> { [schoolId] = "Park School", [Guid.NewGuid()] = "Hill School" };
        Assert.Equal("SchoolId", Assert.Single(RequestQuestions.CheckWhoIsAsking(nameof(Requester.SchoolWithParentalConsent), null, two).Errors).Field);
        Assert.Equal(schoolId, RequestQuestions.CheckWhoIsAsking(nameof(Requester.SchoolWithParentalConsent), schoolId.ToString(), two).Value!.SchoolId);
        Assert.False(RequestQuestions.CheckWhoIsAsking(nameof(Requester.SchoolWithParentalConsent), Guid.NewGuid().ToString(), two).IsValid);
    }

    [Fact]
    public void The_task_list_opens_up_as_questions_are_answered()
    {
        var empty = RequestTaskList.For(RequestAnswers.Empty, 0, Today).SelectMany(g => g.Tasks).ToDictionary(t => t.Key, t => t.Status);
        Assert.Equal(RequestTaskStatus.NotYetStarted, empty[RequestPages.WhoIsAsking]);
        Assert.Equal(RequestTaskStatus.CannotStartYet, empty[RequestPages.Child]);
        Assert.Equal(RequestTaskStatus.CannotStartYet, empty[RequestPages.CheckAnswers]);

        var school = RequestAnswers.Empty with { WhoIsAsking = new WhoIsAskingAnswer(Requester.SchoolWithParentalConsent, Guid.NewGuid(), "Park School") };
        var tasks = RequestTaskList.For(school, 2, Today).SelectMany(g => g.Tasks).ToDictionary(t => t.Key, t => t.Status);
        Assert.Equal(RequestTaskStatus.InProgress, tasks[RequestPages.WhoIsAsking]);
        Assert.Equal(RequestTaskStatus.NotYetStarted, tasks[RequestPages.Child]);
        Assert.Equal(RequestTaskStatus.InProgress, tasks[RequestPages.Documents]);
    }

    [Fact]
    public void A_draft_is_sent_once_and_then_cannot_change()
    {
        var draft = RequestDraft.Start(Guid.NewGuid(), Guid.NewGuid(), new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc));
        Assert.Throws<DomainException>(() => draft.MarkSubmitted(Guid.NewGuid(), "EHC-2026-000001", DateTime.UtcNow, Today));
        draft.Update(_ => Complete(), DateTime.UtcNow);
        draft.MarkSubmitted(Guid.NewGuid(), "EHC-2026-000001", DateTime.UtcNow, Today);
        Assert.Equal(RequestDraftStatus.Submitted, draft.Status);
        Assert.Equal("request.alreadySubmitted", Assert.Throws<DomainException>(() => draft.Update(a => a, DateTime.UtcNow)).Code);
        Assert.Throws<DomainException>(() => draft.MarkSubmitted(Guid.NewGuid(), "EHC-2026-000002", DateTime.UtcNow, Today));
    }

    [Fact]
    public void Changing_who_asks_can_make_an_earlier_answer_unfit_and_that_stops_sending()
    {
        var answers = Complete() with { WhoIsAsking = new WhoIsAskingAnswer(Requester.YoungPerson, null, null) };
        var problem = Assert.Single(RequestReadiness.Problems(answers, Today));
        Assert.Equal(RequestPages.Child, problem.Page);
    }

    private static RequestAnswers Complete() => new()
    {
        WhoIsAsking = new WhoIsAskingAnswer(Requester.Parent, null, null),
        Child = new ChildAnswer(null, "Ann", "Lee", null, Today.AddYears(-7), "LS1 1UR"),
        Parents = [new ParentAnswer("Jo", "Lee", ParentRelationship.Mother, "jo@example.com", null, IsRequester: true)],
        School = new SchoolAnswer(false, null, null, null),
        Needs = new NeedsAnswer([NeedArea.CognitionAndLearning], "Reading."),
        SupportHistory = new SupportHistoryAnswer(false, null, null, null),
        Views = new ViewsAnswer("Likes drawing.", null),
        Professionals = [],
        DocumentsConfirmed = true,
        Declaration = new DeclarationAnswer(true, new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc)),
    };
}
