using System.Net;
using SelfService.Data.DemoData;
using SelfService.Domain.Calendar;
using SelfService.Domain.Complaints;
using SelfService.Web.Tests.Support;

namespace SelfService.Web.Tests.Complaints;

/// <summary>The 28-day window to ask for stage 2, on a host of its own because the clock moves.</summary>
public sealed class Stage2WindowTests(ComplaintWebAppFactory factory) : IClassFixture<ComplaintWebAppFactory>
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    [Fact]
    public async Task Asking_for_stage_2_a_minute_after_the_window_closed_is_refused_with_the_date_it_closed()
    {
        var today = factory.Today();
        using var helen = await PortalSignIn.SignInAsync(factory, DemoCast.ParentEmail);
        using var check = await Forms.PostAsync(helen, "/complaints/new", Forms.Fields(("ComplainantName", "Helen Carter"), ("Role", "ParentCarer"), ("About", "service"),
            ("WhatWentWrong", "The phone line is never answered."), ("PutRight", "Call me back.")), "#complaint-form");
        using var sent = await Forms.SubmitAsync(helen, await Html.ParseAsync(check), "/complaints/new?handler=Send", formSelector: "#check-form");
        var reference = (await Html.ParseAsync(await helen.GetAsync(sent.Headers.Location!.OriginalString))).QuerySelector("#reference")!.TextContent.Trim();

        using var daniel = await PortalSignIn.SignInAsync(factory, DemoCast.CaseworkerEmail);
        var staffPage = $"/staff/complaints/{reference}";
        using (var bad = await Forms.PostAsync(daniel, staffPage, Forms.Fields(("ExtensionReason", "")), "#extend-form"))
        {
            Assert.Contains("Enter the reason for the extension", (await Html.ParseAsync(bad)).QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        }

        using (var bad = await Forms.PostAsync(daniel, staffPage, Forms.Fields(("AcknowledgedOn.Day", "31"), ("AcknowledgedOn.Month", "2")), "#acknowledge-form"))
        {
            var page = await Html.ParseAsync(bad);
            Assert.NotNull(page.QuerySelector(".govuk-error-summary"));
            Assert.Equal("31", page.QuerySelector("#AcknowledgedOn-Day")?.GetAttribute("value"));
        }

        using (var responded = await Forms.PostAsync(daniel, staffPage, Forms.Fields(("Outcome", "NotUpheld"), ("ResponseText", "The line is staffed 9 to 5.")), "#respond-form"))
        {
            Assert.Equal(HttpStatusCode.Redirect, responded.StatusCode);
        }

        var closes = ServiceLevels.Default.Stage2RequestWindowCloses(today);
        using (var early = await Forms.PostAsync(daniel, staffPage, null, "#close-form"))
        {
            Assert.Contains($"can ask for stage 2 until {Complaint.LongDate(closes)}", (await Html.ParseAsync(early)).QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        }

        // The response email must be out before signing in again, or it could be taken for the code email.
        await factory.Mail.WaitForAsync(m => m.To == DemoCast.ParentEmail && m.Subject.Contains($"Stage 1 response to your complaint {reference}", StringComparison.Ordinal));

        // 23:50 in London on the last day: the form is still offered.
        var lastMinutes = new DateTimeOffset(closes.ToDateTime(new TimeOnly(23, 50)), London.GetUtcOffset(closes.ToDateTime(new TimeOnly(23, 50))));
        factory.Clock.Advance(lastMinutes - factory.Clock.GetUtcNow());
        using var late = await PortalSignIn.SignInAsync(factory, DemoCast.ParentEmail);
        var page2 = await Html.ParseAsync(await late.GetAsync($"/complaints/{reference}"));
        Assert.NotNull(page2.QuerySelector("#escalate-form"));

        factory.Clock.Advance(TimeSpan.FromMinutes(15));
        using var refused = await Forms.SubmitAsync(late, page2, $"/complaints/{reference}?handler=Escalate", Forms.Fields(("Stage2Reason", "Nobody called back.")), "#escalate-form");
        var refusedPage = await Html.ParseAsync(refused);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains($"The time to ask for stage 2 ended on {Complaint.LongDate(closes)}", refusedPage.QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Nobody called back.", refusedPage.QuerySelector("#Stage2Reason")?.TextContent);

        var after = await Html.ParseAsync(await late.GetAsync($"/complaints/{reference}"));
        Assert.Null(after.QuerySelector("#escalate-form"));
        Assert.Contains(Complaint.LongDate(closes), after.QuerySelector("#stage2-closed")?.TextContent, StringComparison.Ordinal);
    }
}
