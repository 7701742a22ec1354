using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using SelfService.Data.DemoData;
using SelfService.Domain.Enquiries;
using SelfService.Domain.People;
using SelfService.Web.Tests.Support;

namespace SelfService.Web.Tests.Members;

/// <summary>
/// The end-to-end story on the real host with the demo cast, on Christmas Eve 2026: a
/// councillor sends an enquiry with consent, a caseworker matches and answers it, the councillor
/// reads the reply and the consented case summary, and nobody else can see it.
/// </summary>
public sealed class MemberEnquiryJourneyTests(MembersWebAppFactory factory) : IClassFixture<MembersWebAppFactory>
{
    [Fact]
    public async Task A_councillors_enquiry_is_acknowledged_matched_answered_and_seen_by_nobody_else()
    {
        var councillor = await factory.ClientForAsync(DemoCast.CouncillorEmail);
        var mailbox = Mailbox.PickupFolder(factory);
        var before = mailbox.Snapshot();

        // The councillor logs it, with consent: received Thursday 24 December 2026.
        var reference = await MemberEnquiryForms.SendAsync(councillor, "Eleanor", consent: true);
        Assert.StartsWith("MQ-2026-", reference, StringComparison.Ordinal);
        var confirmation = await Html.ParseAsync(await councillor.GetAsync($"/members/enquiries/{reference}/confirmation"));
        Assert.Equal(reference, confirmation.QuerySelector("#reference")!.TextContent.Trim());
        Assert.Equal("30 December 2026", confirmation.QuerySelector("#acknowledge-by")!.TextContent.Trim());
        Assert.Equal("12 January 2027", confirmation.QuerySelector("#respond-by")!.TextContent.Trim());

        // The acknowledgement email, dated across Christmas Day and the Boxing Day substitute.
        var acknowledgement = await mailbox.WaitForAsync(m => !before.Contains(m.Path) && m.To == DemoCast.CouncillorEmail && m.Subject.Contains(reference, StringComparison.Ordinal));
        Assert.Contains($"Reference: {reference}", acknowledgement.Body, StringComparison.Ordinal);
        Assert.Contains("Wednesday 30 December 2026", acknowledgement.Body, StringComparison.Ordinal);
        Assert.Contains("Tuesday 12 January 2027", acknowledgement.Body, StringComparison.Ordinal);

        // It is in the councillor's list.
        var list = await Html.ParseAsync(await councillor.GetAsync("/members/enquiries"));
        Assert.NotNull(list.QuerySelector($"tr[data-reference='{reference}']"));

        // A caseworker finds it in the members' inbox, assigns, matches and answers it.
        var caseworker = await factory.ClientForAsync(DemoCast.CaseworkerEmail);
        var staffHome = await Html.ParseAsync(await caseworker.GetAsync("/staff"));
        Assert.Equal("/staff/enquiries", staffHome.QuerySelector("#members-inbox")!.GetAttribute("href"));
        var inbox = await Html.ParseAsync(await caseworker.GetAsync("/staff/enquiries"));
        var row = inbox.QuerySelector($"#inbox tr[data-reference='{reference}']");
        Assert.NotNull(row);
        Assert.Equal("Amber", row.QuerySelector("[data-rag]")!.GetAttribute("data-rag"));

        var page = $"/staff/enquiries/{reference}";
        using (var assigned = await Forms.PostAsync(caseworker, page, Forms.Fields(("AssignTo", DemoCast.CaseworkerId.ToString())), "#assign-form"))
        {
            Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        }

        var samReference = DemoCast.SamCaseReference(factory.Today());
        using (var matched = await Forms.PostAsync(caseworker, page, Forms.Fields(("CaseReference", samReference.ToLowerInvariant())), "#match-form"))
        {
            Assert.Equal(HttpStatusCode.Redirect, matched.StatusCode);
        }

        using (var noted = await Forms.PostAsync(caseworker, page, Forms.Fields(("Note", "Spoke to the family's caseworker.")), "#note-form"))
        {
            Assert.Equal(HttpStatusCode.Redirect, noted.StatusCode);
        }

        const string ReplyText = "The decision whether to issue a plan is due soon; the caseworker will call the family this week.";
        before = mailbox.Snapshot();
        using (var replied = await Forms.PostAsync(caseworker, page, Forms.Fields(("Reply", ReplyText)), "#reply-form"))
        {
            Assert.Equal(HttpStatusCode.Redirect, replied.StatusCode);
        }

        var staffView = await Html.ParseAsync(await caseworker.GetAsync(page));
        Assert.Equal(samReference, staffView.QuerySelector("#matched-case")!.TextContent.Trim());
        Assert.Contains(staffView.QuerySelectorAll("#history li[data-kind=Matched]"), li => li.TextContent.Contains($"Matched to case {samReference} by {DemoCast.CaseworkerEmail}", StringComparison.Ordinal));
        var audit = await factory.WithStoreAsync(db => db.AuditEntries.Where(a => a.Action == "enquiry.matched" && a.CaseId == DemoCast.SamCaseId).ToListAsync());
        Assert.Equal(DemoCast.CaseworkerEmail, Assert.Single(audit).Actor);

        // The reply by email and in the portal, with the limited case summary the consent allows.
        var replyEmail = await mailbox.WaitForAsync(m => !before.Contains(m.Path) && m.To == DemoCast.CouncillorEmail && m.Subject == $"Reply to members' enquiry {reference}");
        Assert.Contains(ReplyText, replyEmail.Body, StringComparison.Ordinal);
        var seen = await councillor.GetAsync($"/members/enquiries/{reference}");
        Assert.Equal(HttpStatusCode.OK, seen.StatusCode);
        var seenHtml = await seen.Content.ReadAsStringAsync();
        var seenPage = await Html.ParseAsync(seen);
        Assert.Contains(ReplyText, seenPage.QuerySelector("[data-reply]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(seenPage.QuerySelector("#case-summary [data-stage]"));
        Assert.NotNull(seenPage.QuerySelector("#case-summary [data-next]"));
        Assert.DoesNotContain("Spoke to the family's caseworker", seenHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoCast.PrimarySchoolName, seenHtml, StringComparison.Ordinal);

        // The summary is all: the case page itself stays closed to the councillor.
        using (var casePage = await councillor.GetAsync($"/cases/{samReference}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, casePage.StatusCode);
        }

        // Another councillor gets the same 404 as for an enquiry that does not exist.
        var other = await factory.ClientForAsync(DemoCast.SecondCouncillorEmail);
        using var theirs = await other.GetAsync($"/members/enquiries/{reference}");
        using var none = await other.GetAsync("/members/enquiries/MQ-2026-99999");
        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        var otherList = await Html.ParseAsync(await other.GetAsync("/members/enquiries"));
        Assert.Null(otherList.QuerySelector($"tr[data-reference='{reference}']"));

        // Closing after the reply.
        using (var closed = await Forms.PostAsync(caseworker, page, formSelector: "#close-form"))
        {
            Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        }

        var status = await factory.WithStoreAsync(db => db.Set<MemberEnquiry>().Where(e => e.Reference == reference).Select(e => e.Status).SingleAsync());
        Assert.Equal(EnquiryStatus.Closed, status);
    }

    [Fact]
    public async Task An_mps_office_caseworker_sees_the_mps_enquiries_but_no_councillors()
    {
        var mp = await factory.ClientForAsync(DemoCast.MpEmail);
        var office = await factory.ClientForAsync(DemoCast.MpDelegateEmail);
        var councillor = await factory.ClientForAsync(DemoCast.CouncillorEmail);
        var mailbox = Mailbox.PickupFolder(factory);

        var byMp = await MemberEnquiryForms.SendAsync(mp, "Amir", consent: false);
        var byOffice = await MemberEnquiryForms.SendAsync(office, "Bethany", consent: false);
        var byCouncillor = await MemberEnquiryForms.SendAsync(councillor, "Callum", consent: false);

        foreach (var client in new[] { mp, office })
        {
            var list = await Html.ParseAsync(await client.GetAsync("/members/enquiries"));
            Assert.NotNull(list.QuerySelector($"tr[data-reference='{byMp}']"));
            Assert.NotNull(list.QuerySelector($"tr[data-reference='{byOffice}']"));
            Assert.Null(list.QuerySelector($"tr[data-reference='{byCouncillor}']"));
            using var councillors = await client.GetAsync($"/members/enquiries/{byCouncillor}");
            Assert.Equal(HttpStatusCode.NotFound, councillors.StatusCode);
        }

        using (var officeSees = await office.GetAsync($"/members/enquiries/{byMp}"))
        {
            Assert.Equal(HttpStatusCode.OK, officeSees.StatusCode);
        }

        // What the office logs is the MP's enquiry: both hear it was received.
        await mailbox.WaitForAsync(m => m.To == DemoCast.MpEmail && m.Subject.Contains(byOffice, StringComparison.Ordinal));
        await mailbox.WaitForAsync(m => m.To == DemoCast.MpDelegateEmail && m.Subject.Contains(byOffice, StringComparison.Ordinal));
        var memberId = await factory.WithStoreAsync(db => db.Set<MemberEnquiry>().Where(e => e.Reference == byOffice).Select(e => e.ElectedMemberId).SingleAsync());
        Assert.Equal(DemoCast.MpId, memberId);

        using var councillorSees = await councillor.GetAsync($"/members/enquiries/{byMp}");
        Assert.Equal(HttpStatusCode.NotFound, councillorSees.StatusCode);
    }

    [Fact]
    public async Task Only_members_and_their_offices_use_the_members_pages()
    {
        var parent = await factory.ClientForAsync(DemoCast.ParentEmail);
        foreach (var address in new[] { "/members/enquiries", "/members/enquiries/new" })
        {
            using var response = await parent.GetAsync(address);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        using var staffOnly = await parent.GetAsync("/staff/enquiries");
        Assert.NotEqual(HttpStatusCode.OK, staffOnly.StatusCode);

        using var anonymous = await PortalSignIn.CreateClient(factory).GetAsync("/members/enquiries");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
    }

    [Fact]
    public async Task Bad_input_on_the_enquiry_form_shows_the_error_summary_and_keeps_what_was_typed()
    {
        var councillor = await factory.ClientForAsync(DemoCast.CouncillorEmail);
        var fields = MemberEnquiryForms.Valid("Eleanor", consent: true)
            .Select(f => f.Key switch
            {
                "Postcode" => new KeyValuePair<string, string>(f.Key, "not a postcode"),
                "ConsentGivenOn.Day" => new KeyValuePair<string, string>(f.Key, "31"),
                "ConsentGivenOn.Month" => new KeyValuePair<string, string>(f.Key, "2"),
                "Category" => new KeyValuePair<string, string>(f.Key, ""),
                _ => f,
            });

        using var response = await Forms.PostAsync(councillor, "/members/enquiries/new", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.StartsWith("Error:", page.Title, StringComparison.Ordinal);
        var summary = page.QuerySelectorAll(".govuk-error-summary__list a").Select(a => (a.GetAttribute("href"), a.TextContent.Trim())).ToList();
        Assert.Equal(
            [("#Postcode", "Enter a real postcode, like LS1 1UR"), ("#Category", "Select what the enquiry is about"), ("#ConsentGivenOn-Day", "Date consent was given must be a real date")],
            summary);
        Assert.Equal("Eleanor", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#ChildFirstName")!.Value);
        Assert.Equal("not a postcode", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Postcode")!.Value);
        Assert.Equal("The family have waited months for a decision.", page.QuerySelector<AngleSharp.Html.Dom.IHtmlTextAreaElement>("#Concern")!.Value.Trim());
        Assert.True(page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=HasConsent][value=yes]")!.IsChecked);
        Assert.Equal("31", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#ConsentGivenOn-Day")!.Value);
        Assert.True(page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=ConsentMethod][value=Email]")!.IsChecked);
    }

    [Fact]
    public async Task Change_from_check_answers_brings_back_every_answer()
    {
        var councillor = await factory.ClientForAsync(DemoCast.CouncillorEmail);
        using var form = await Forms.PostAsync(councillor, "/members/enquiries/new", MemberEnquiryForms.Valid("Francesca", consent: true));
        var check = form.Headers.Location!.OriginalString;
        var checkPage = await Html.ParseAsync(await councillor.GetAsync(check));
        var change = checkPage.QuerySelector(".govuk-summary-list__actions a")!.GetAttribute("href")!;

        var again = await Html.ParseAsync(await councillor.GetAsync(change));

        Assert.Equal("Francesca", again.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#ChildFirstName")!.Value);
        Assert.Equal("LS7 3AB", again.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Postcode")!.Value);
        Assert.Equal("Jo Brown", again.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#ConsentGivenBy")!.Value);
        Assert.True(again.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=Category][value=Delay]")!.IsChecked);
    }

    [Fact]
    public async Task Consent_evidence_is_checked_like_any_upload_and_kept_with_the_consent()
    {
        var councillor = await factory.ClientForAsync(DemoCast.CouncillorEmail);
        using var form = await Forms.PostAsync(councillor, "/members/enquiries/new", MemberEnquiryForms.Valid("Kieran", consent: true));
        var check = form.Headers.Location!.OriginalString;
        var token = Forms.AntiforgeryToken(await Html.ParseAsync(await councillor.GetAsync(check)));

        using (var refused = await PostFileAsync(councillor, check, token, "consent.pdf", "application/pdf", "Not really a PDF"u8.ToArray()))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var page = await Html.ParseAsync(refused);
            var link = Assert.Single(page.QuerySelectorAll(".govuk-error-summary__list a"));
            Assert.Equal("#Evidence", link.GetAttribute("href"));
            Assert.StartsWith("consent.pdf is not a real", link.TextContent.Trim(), StringComparison.Ordinal);
            Assert.NotNull(page.QuerySelector(".govuk-summary-list"));
        }

        string reference;
        using (var sent = await PostFileAsync(councillor, check, token, "consent.pdf", "application/pdf", "%PDF-1.4\n%consent\n"u8.ToArray()))
        {
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
            reference = sent.Headers.Location!.OriginalString.Split('/')[3];
        }

        var consent = await factory.WithStoreAsync(db => db.Set<EnquiryConsent>()
            .Where(c => db.Set<MemberEnquiry>().Any(e => e.Reference == reference && e.Id == c.EnquiryId)).SingleAsync());
        Assert.Equal("consent.pdf", consent.EvidenceFileName);
        Assert.NotNull(consent.EvidenceStoredName);
    }

    private static async Task<HttpResponseMessage> PostFileAsync(HttpClient client, string url, string token, string name, string contentType, byte[] bytes)
    {
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(token), Forms.AntiforgeryField);
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        content.Add(file, "Evidence", name);
        return await client.PostAsync(url, content);
    }

    [Fact]
    public async Task Bad_input_on_every_staff_form_shows_the_error_summary_and_keeps_what_was_typed()
    {
        var councillor = await factory.ClientForAsync(DemoCast.CouncillorEmail);
        var reference = await MemberEnquiryForms.SendAsync(councillor, "Georgia", consent: false);
        var caseworker = await factory.ClientForAsync(DemoCast.SecondCaseworkerEmail);
        var page = $"/staff/enquiries/{reference}";
        var tooLong = new string('x', 5001);

        var cases = new (string Form, IEnumerable<KeyValuePair<string, string>> Fields, string Href, string Message, string Field, string Kept)[]
        {
            ("#assign-form", Forms.Fields(("AssignTo", "")), "#AssignTo", "Select the caseworker to assign the enquiry to", "", ""),
            ("#match-form", Forms.Fields(("CaseReference", "EHC-1999-123456")), "#CaseReference", "There is no case with the reference EHC-1999-123456", "#CaseReference", "EHC-1999-123456"),
            ("#note-form", Forms.Fields(("Note", "   ")), "#Note", "Enter the note", "", ""),
            ("#reply-form", Forms.Fields(("Reply", tooLong)), "#Reply", "The reply must be 5000 characters or fewer", "#Reply", tooLong),
        };
        foreach (var (form, fields, href, message, field, kept) in cases)
        {
            using var response = await Forms.PostAsync(caseworker, page, fields, form);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var result = await Html.ParseAsync(response);
            var link = Assert.Single(result.QuerySelectorAll(".govuk-error-summary__list a"));
            Assert.Equal(href, link.GetAttribute("href"));
            Assert.Equal(message, link.TextContent.Trim());
            if (field.Length > 0)
            {
                var element = result.QuerySelector(field)!;
                var value = element is AngleSharp.Html.Dom.IHtmlTextAreaElement area ? area.Value.Trim() : ((AngleSharp.Html.Dom.IHtmlInputElement)element).Value;
                Assert.Equal(kept, value);
            }
        }

        var status = await factory.WithStoreAsync(db => db.Set<MemberEnquiry>().Where(e => e.Reference == reference).Select(e => new { e.Status, e.MatchedCaseId }).SingleAsync());
        Assert.Equal(EnquiryStatus.Logged, status.Status);
        Assert.Null(status.MatchedCaseId);

        var filtered = await Html.ParseAsync(await caseworker.GetAsync("/staff/enquiries?category=Parking&overdue=true"));
        Assert.Equal("Select a category from the list", filtered.QuerySelector(".govuk-error-summary__list a[href='#category']")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_inbox_filters_by_member_ward_category_and_overdue()
    {
        var councillor = await factory.ClientForAsync(DemoCast.CouncillorEmail);
        var reference = await MemberEnquiryForms.SendAsync(councillor, "Harriet", consent: false);
        var caseworker = await factory.ClientForAsync(DemoCast.CaseworkerEmail);

        async Task<bool> ListedAsync(string query) =>
            (await Html.ParseAsync(await caseworker.GetAsync("/staff/enquiries" + query))).QuerySelector($"tr[data-reference='{reference}']") is not null;

        Assert.True(await ListedAsync($"?member={DemoCast.CouncillorId}"));
        Assert.False(await ListedAsync($"?member={DemoCast.MpId}&category=Delay"));
        Assert.True(await ListedAsync($"?area={Uri.EscapeDataString(DemoCast.CouncillorWard)}&category=Delay"));
        Assert.False(await ListedAsync("?category=Transport"));
        Assert.False(await ListedAsync("?overdue=true"));

        var inbox = await Html.ParseAsync(await caseworker.GetAsync("/staff/enquiries"));
        var dues = inbox.QuerySelectorAll("#inbox tbody tr").Select(r => r.QuerySelector("[data-due]")!.TextContent.Trim().Split('\n')[0].Trim()).Where(d => d.Length > 0)
            .Select(d => DateOnly.ParseExact(d, "d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))).ToList();
        Assert.Equal(dues.Order(), dues);
    }

    [Fact]
    public async Task The_figures_api_gives_service_levels_and_categories_recomputed_from_the_rows()
    {
        var councillor = await factory.ClientForAsync(DemoCast.CouncillorEmail);
        await MemberEnquiryForms.SendAsync(councillor, "Isla", consent: false);
        var staff = await factory.ClientForAsync(DemoCast.ServiceManagerEmail);

        using var response = await staff.GetAsync("/api/figures/enquiries?from=2026-12-01&to=2026-12-31");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var rows = await factory.WithStoreAsync(db => (from e in db.Set<MemberEnquiry>()
                                                        join m in db.ElectedMembers on e.ElectedMemberId equals m.Id
                                                        select new { e.ReceivedOn, m.Kind, e.Category, e.AcknowledgedOn, e.AcknowledgeBy, e.AnsweredOn, e.RespondBy }).ToListAsync());
        var today = factory.Today();
        var december = rows.Where(r => r.ReceivedOn.Year == 2026 && r.ReceivedOn.Month == 12).ToList();
        Assert.NotEmpty(december);
        foreach (var kind in december.Select(r => r.Kind).Distinct())
        {
            var mine = december.Where(r => r.Kind == kind).ToList();
            var row = json.RootElement.GetProperty("serviceLevels").EnumerateArray()
                .Single(r => r.GetProperty("month").GetString() == "2026-12" && r.GetProperty("memberKind").GetString() == kind.ToString());
            Assert.Equal(mine.Count, row.GetProperty("received").GetInt32());
            Assert.Equal(mine.Count(r => r.AcknowledgedOn != null || r.AcknowledgeBy < today), row.GetProperty("acknowledgementsDue").GetInt32());
            Assert.Equal(mine.Count(r => r.AcknowledgedOn != null && r.AcknowledgedOn <= r.AcknowledgeBy), row.GetProperty("acknowledgedInTime").GetInt32());
            Assert.Equal(mine.Count(r => r.AnsweredOn != null && r.AnsweredOn <= r.RespondBy), row.GetProperty("answeredInTime").GetInt32());
        }

        foreach (var category in Enum.GetValues<EnquiryCategory>())
        {
            var row = json.RootElement.GetProperty("categories").EnumerateArray().Single(c => c.GetProperty("category").GetString() == category.ToString());
            Assert.Equal(december.Count(r => r.Category == category), row.GetProperty("received").GetInt32());
        }

        Assert.Contains(json.RootElement.GetProperty("serviceLevels").EnumerateArray(), r => r.GetProperty("memberKind").GetString() == nameof(ElectedMemberKind.Councillor));
    }

    [Theory]
    [InlineData("?from=2026-12-01", "to")]
    [InlineData("?from=2026-13-01&to=2026-12-31", "from")]
    [InlineData("?from=2026-12-31&to=2026-12-01", "to")]
    [InlineData("?from=2000-01-01&to=2026-12-01", "to")]
    public async Task The_figures_api_answers_bad_dates_with_a_validation_problem(string query, string field)
    {
        var staff = await factory.ClientForAsync(DemoCast.ServiceManagerEmail);

        using var response = await staff.GetAsync("/api/figures/enquiries" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(json.RootElement.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task The_figures_api_is_for_staff_only()
    {
        var councillor = await factory.ClientForAsync(DemoCast.CouncillorEmail);
        using var forbidden = await councillor.GetAsync("/api/figures/enquiries?from=2026-12-01&to=2026-12-31");
        using var anonymous = await PortalSignIn.CreateClient(factory).GetAsync("/api/figures/enquiries?from=2026-12-01&to=2026-12-31");

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", forbidden.Content.Headers.ContentType?.MediaType);
    }
}
