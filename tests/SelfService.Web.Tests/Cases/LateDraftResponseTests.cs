using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SelfService.Data;
using SelfService.Data.Cases;
using SelfService.Data.DemoData;
using SelfService.Domain.Assessments;
using SelfService.Domain.People;
using SelfService.Web.Pages.Cases;
using SelfService.Web.Tests.Support;

namespace SelfService.Web.Tests.Cases;

/// <summary>Tests that move the clock on or change who works at a school, on a store of their own.</summary>
public sealed class LateDraftResponseTests(SeededWebAppFactory factory) : IClassFixture<SeededWebAppFactory>
{
    [Fact]
    public async Task After_the_15_days_Nadia_can_still_respond_and_the_response_is_marked_late()
    {
        var seededOn = factory.Today();
        var reference = DemoCast.CaseReference(seededOn.AddDays(-160), DemoCast.RubyCaseNumber);
        var served = (await factory.LoadCaseAsync(DemoCast.RubyCaseId)).DraftPlanServedOn!.Value;
        var deadline = DraftPlanResponses.DeadlineFor(served);

        // Four days past the last day (signing in then, as a session does not last that long).
        factory.Time.Offset = TimeSpan.FromDays(deadline.DayNumber - seededOn.DayNumber + 4);
        try
        {
            using var nadia = await PortalSignIn.SignInAsync(factory, DemoCast.RubyParentEmail);
            var casePage = await Html.ParseAsync(await nadia.GetAsync($"/cases/{reference}"));
            Assert.Contains("You can still respond", casePage.QuerySelector(".govuk-warning-text")?.TextContent, StringComparison.Ordinal);
            var form = await Html.ParseAsync(await nadia.GetAsync($"/cases/{reference}/draft-plan-response"));
            Assert.Contains(CaseText.LongDate(deadline), form.QuerySelector("#late-warning")?.TextContent, StringComparison.Ordinal);

            using var posted = await Forms.PostAsync(nadia, $"/cases/{reference}/draft-plan-response",
                Forms.Fields(("Comments", "Sorry this is late: please add a speech and language therapist."), ("Meeting", "no")));

            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
            var sent = await Html.ParseAsync(await nadia.GetAsync(posted.Headers.Location!.OriginalString));
            Assert.Equal("Received late", sent.QuerySelector("#late-tag")?.TextContent.Trim());
            Assert.Contains("4 days after the last day", sent.QuerySelector("#response-summary")?.TextContent, StringComparison.Ordinal);

            var history = await Html.ParseAsync(await nadia.GetAsync($"/cases/{reference}"));
            var item = history.QuerySelectorAll(".moj-timeline__item")[0];
            Assert.Equal("Response to the draft plan received", item.QuerySelector(".moj-timeline__title")?.TextContent.Trim());
            Assert.Contains("Received late", item.QuerySelector(".moj-timeline__description")?.TextContent, StringComparison.Ordinal);
            Assert.Equal("by You", item.QuerySelector(".moj-timeline__byline")?.TextContent.Trim());
            Assert.Contains("Done late", history.QuerySelector("tr[data-milestone=draftResponseDeadline]")?.TextContent, StringComparison.Ordinal);

            var ruby = await factory.LoadCaseAsync(DemoCast.RubyCaseId);
            Assert.Equal(deadline.AddDays(4), Assert.Single(ruby.Events.OfType<RepresentationsReceived>()).OccurredOn);
            Assert.True(await factory.WithStoreAsync(db => db.AuditEntries.AnyAsync(a => a.CaseId == DemoCast.RubyCaseId && a.Action == DraftPlanResponses.LateAction)));
        }
        finally
        {
            factory.Time.Offset = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task Access_belongs_to_the_school_a_new_SENCO_sees_its_cases_and_one_who_left_does_not()
    {
        var sam = DemoCast.SamCaseReference(factory.Today());
        var newSenco = $"new.senco.{Guid.NewGuid():N}@example.com";
        var contactId = Guid.NewGuid();
        await factory.WithStoreAsync(async db =>
        {
            db.SchoolContacts.Add(new SchoolContact(contactId, DemoCast.PrimarySchoolId, "Sarah New", newSenco, SchoolContactRole.Senco));
            return await db.SaveChangesAsync();
        });
        using var client = await PortalSignIn.SignInAsync(factory, newSenco);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/cases/{sam}")).StatusCode);

        await factory.WithStoreAsync(async db =>
        {
            (await db.SchoolContacts.SingleAsync(c => c.Id == contactId)).Deactivate();
            return await db.SaveChangesAsync();
        });

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/cases/{sam}")).StatusCode);
        Assert.Empty((await Html.ParseAsync(await client.GetAsync("/cases"))).QuerySelectorAll("#case-list tbody tr"));
    }
}
