using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SelfService.Data;
using SelfService.Data.DemoData;
using SelfService.Data.Requests;
using SelfService.Domain.Assessments;
using SelfService.Domain.Requests;
using SelfService.Web.Tests.Support;

namespace SelfService.Web.Tests.Requests;

/// <summary>Requests from the demo cast: a SENCO for a pupil with recorded consent, a parent for a child already known.</summary>
public sealed class SchoolRequestTests(DemoRequestsWebAppFactory factory) : IClassFixture<DemoRequestsWebAppFactory>
{
    [Fact]
    public async Task Aisha_Rahman_asks_for_a_pupil_at_her_school_with_the_parents_consent()
    {
        var journey = await RequestJourney.SignInAsync(factory, DemoCast.SencoEmail);
        var draftId = await journey.StartAsync();
        var who = await journey.GetPageAsync($"/requests/{draftId}/who-is-asking");
        Assert.Contains(DemoCast.PrimarySchoolName, who.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        Assert.Equal($"/requests/{draftId}/consent", await journey.AnswerAsync(draftId, "who-is-asking", ("Requester", "SchoolWithParentalConsent")));
        var consentOn = journey.Today.AddDays(-3);
        await journey.AnswerAsync(draftId, "consent", ("GivenBy", "Nadia Okoro"), ("Method", "InWriting"),
            ("GivenOn.Day", consentOn.Day.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("GivenOn.Month", consentOn.Month.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("GivenOn.Year", consentOn.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        await journey.AnswerAsync(draftId, "child", RequestJourney.ChildFields("Femi", "Okoro", null, journey.Today.AddYears(-8), "LS7 4AB"));

        // A school must give each parent's address.
        var missing = await journey.AnswerWrongAsync(draftId, "parents", ("Parents[0].FirstName", "Nadia"), ("Parents[0].LastName", "Okoro"), ("Parents[0].Relationship", "Mother"), ("Action", "save"));
        Assert.Equal("#Parents-0-Email", missing.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));
        var parentEmail = $"nadia.okoro.{Guid.NewGuid():N}@example.com";
        await journey.AnswerAsync(draftId, "parents", ("Parents[0].FirstName", "Nadia"), ("Parents[0].LastName", "Okoro"), ("Parents[0].Relationship", "Mother"), ("Parents[0].Email", parentEmail), ("Action", "save"));

        // The school page is filled in with her own school.
        var school = await journey.GetPageAsync($"/requests/{draftId}/school");
        Assert.Equal(DemoCast.PrimarySchoolUrn, ((AngleSharp.Html.Dom.IHtmlInputElement)school.QuerySelector("#Urn")!).Value);
        await journey.AnswerAsync(draftId, "school", ("Attends", "yes"));
        await journey.FillTheRestAsync(draftId, schoolAsking: true);
        await journey.UploadOkAsync(draftId, "SEN support plan.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", RequestJourney.Files.Docx());
        await journey.FinishDocumentsAsync(draftId);
        var confirmation = await journey.GetPageAsync(await journey.SendAsync(draftId));
        var reference = confirmation.QuerySelector("#reference")!.TextContent.Trim();

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CaseStoreDbContext>();
            var opened = await db.AssessmentCases.WithEvents().SingleAsync(c => c.Reference == reference);
            Assert.Equal(Requester.SchoolWithParentalConsent, opened.Requester);
            Assert.Equal(DemoCast.PrimarySchoolId, opened.RequestingSchoolId);
            Assert.Equal(consentOn, Assert.IsType<RequestReceived>(opened.Events[0]).ParentalConsentGivenOn);
            var child = await db.Children.SingleAsync(c => c.Id == opened.ChildId);
            Assert.Equal(DemoCast.PrimarySchoolId, child.SchoolId);
            var parent = await db.ParentCarers.SingleAsync(p => p.Email == parentEmail);
            Assert.True(await db.ChildParents.AnyAsync(l => l.ChildId == child.Id && l.ParentCarerId == parent.Id));
        }

        var mailbox = Mailbox.PickupFolder(factory);
        await mailbox.WaitForAsync(m => m.To == parentEmail && m.Subject.Contains(reference, StringComparison.Ordinal) && m.Body.Contains("Femi Okoro", StringComparison.Ordinal));
        await mailbox.WaitForAsync(m => m.To == DemoCast.SencoEmail && m.Subject.Contains(reference, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Helen_Carter_picks_one_of_her_children_already_known_to_the_service()
    {
        var journey = await RequestJourney.SignInAsync(factory, DemoCast.ParentEmail);
        var draftId = await journey.StartAsync();
        await journey.AnswerAsync(draftId, "who-is-asking", ("Requester", "Parent"));
        var choose = await journey.GetPageAsync($"/requests/{draftId}/child");
        Assert.Contains(DemoCast.MaisieFirstName, choose.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        await journey.AnswerAsync(draftId, "child", ("ChildChoice", DemoCast.MaisieChildId.ToString()));

        await using var scope = factory.Services.CreateAsyncScope();
        var draft = await scope.ServiceProvider.GetRequiredService<CaseStoreDbContext>().Set<RequestDraft>().SingleAsync(d => d.Id == draftId);
        Assert.Equal(DemoCast.MaisieChildId, draft.Answers.Child!.ExistingChildId);
    }
}
