using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using SelfService.Data.Casework;
using SelfService.Data.DemoData;
using SelfService.Domain.Assessments;
using SelfService.Web.Documents;
using SelfService.Web.Tests.Cases;
using SelfService.Web.Tests.Requests;
using SelfService.Web.Tests.Support;

namespace SelfService.Web.Tests.Casework;

/// <summary>The seeded host with a virus scanner answering on loopback, so uploaded advice can be passed as clean.</summary>
public sealed class ScannedWebAppFactory : SeededWebAppFactory, IAsyncLifetime
{
    private readonly FakeClamd _clamd = FakeClamd.StartAsync().GetAwaiter().GetResult();

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _clamd.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting($"{DocumentOptions.SectionName}:ClamAvHost", "127.0.0.1");
        builder.UseSetting($"{DocumentOptions.SectionName}:ClamAvPort", _clamd.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>
/// Advice by an emailed link and the draft plan as a document: the adviser uploads without an
/// account, the family downloads the draft (and the advice with it), and nobody else gets either.
/// </summary>
public sealed partial class CaseDocumentPageTests(ScannedWebAppFactory factory) : IClassFixture<ScannedWebAppFactory>
{
    private const string AdviserEmail = "ep.adviser@psychology.example";

    [Fact]
    public async Task An_adviser_uploads_by_the_link_and_the_family_downloads_the_draft_and_the_advice()
    {
        var (caseId, reference) = await factory.OpenNewRequestForHelenAsync(daysAgo: 20);
        var staff = await factory.ClientForAsync(DemoCast.CaseworkerEmail);
        var parent = await factory.ClientForAsync(DemoCast.ParentEmail);
        var staffPage = $"/staff/cases/{reference}";
        await ActAsync(staff, staffPage, "decideAssess", [("Input.Decision", "yes")]);
        await ActAsync(staff, staffPage, "requestAdvice", [("Input.AdviserKind", "EducationalPsychologist"), ("Input.AdviserName", "Dr Ruth Ellis"), ("Input.AdviserEmail", AdviserEmail)]);

        var invitation = await Mailbox.PickupFolder(factory).WaitForAsync(e => e.To.Contains(AdviserEmail, StringComparison.OrdinalIgnoreCase) && e.Subject.Contains(reference, StringComparison.Ordinal));
        var link = AdviceLink().Match(invitation.Body).Value;
        Assert.StartsWith("/advice/", link, StringComparison.Ordinal);
        Assert.DoesNotContain("Rosie", invitation.Body, StringComparison.Ordinal);
        using var adviser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var form = await Html.ParseAsync(await adviser.GetAsync(link));
        Assert.Equal("Rosie Carter", form.QuerySelector("#advice-child")?.TextContent);

        using (var wrong = await Forms.SubmitAsync(adviser, form, link, file: new FormFile(UploadFieldName, "report.pdf", "application/pdf", "just some text"u8.ToArray())))
        {
            var refused = await Html.ParseAsync(wrong);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("report.pdf is not a real", refused.QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
            Assert.Empty((await factory.LoadCaseAsync(caseId)).Events.OfType<AdviceReceived>());
        }

        var report = FormFile.Pdf(UploadFieldName, "EP report.pdf");
        using (var sent = await Forms.SubmitAsync(adviser, form, link, file: report))
        {
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
            Assert.Equal("/advice/received", sent.Headers.Location?.OriginalString);
        }

        Assert.Single((await factory.LoadCaseAsync(caseId)).Events.OfType<AdviceReceived>());
        await Mailbox.PickupFolder(factory).WaitForAsync(e => e.To.Contains(DemoCast.ParentEmail, StringComparison.OrdinalIgnoreCase) && e.Subject == $"Advice received: {reference}");
        using (var used = await adviser.GetAsync(link))
        {
            Assert.Equal(HttpStatusCode.NotFound, used.StatusCode);
            Assert.Contains("This link is not valid", (await Html.ParseAsync(used)).QuerySelector("h1")?.TextContent, StringComparison.Ordinal);
        }

        // Before the draft is served the family does not have the advice; staff do.
        Assert.Null((await Html.ParseAsync(await parent.GetAsync($"/cases/{reference}"))).QuerySelector("#council-document-list"));
        var adviceHref = (await Html.ParseAsync(await staff.GetAsync(staffPage))).QuerySelector("#case-documents a")?.GetAttribute("href");
        Assert.NotNull(adviceHref);
        Assert.Equal(report.Content, await staff.GetByteArrayAsync(adviceHref));

        await ActAsync(staff, staffPage, "decideIssue", [("Input.Decision", "yes")]);
        var draft = FormFile.Pdf(StaffFieldName, "Rosie draft plan.pdf");
        await ActAsync(staff, staffPage, "serveDraft", [], draft);

        var casePage = await Html.ParseAsync(await parent.GetAsync($"/cases/{reference}"));
        var rows = casePage.QuerySelectorAll("#council-document-list [data-kind]").Select(r => r.GetAttribute("data-kind")).ToList();
        Assert.Equal(["Advice", "DraftPlan"], rows.Order(StringComparer.Ordinal).ToList());
        var draftHref = casePage.QuerySelector("#council-document-list [data-kind=DraftPlan] a")!.GetAttribute("href")!;
        using (var download = await parent.GetAsync(draftHref))
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
            Assert.Equal(draft.Content, await download.Content.ReadAsByteArrayAsync());
        }

        var stranger = await factory.ClientForAsync(DemoCast.LeoParentEmail);
        using (var refused = await stranger.GetAsync(draftHref))
        {
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }

        var downloads = await factory.WithStoreAsync(db => db.AuditEntries.Where(a => a.CaseId == caseId && a.Action == "case.documentDownloaded").Select(a => a.Actor).ToListAsync());
        Assert.Contains(DemoCast.ParentEmail, downloads);
        Assert.Contains(DemoCast.CaseworkerEmail, downloads);
        Assert.DoesNotContain(DemoCast.LeoParentEmail, downloads);
    }

    [Fact]
    public async Task Serving_a_draft_without_the_document_or_with_a_bad_adviser_email_is_refused_and_stores_nothing()
    {
        var (caseId, reference) = await factory.OpenNewRequestForHelenAsync(daysAgo: 25);
        var staff = await factory.ClientForAsync(DemoCast.CaseworkerEmail);
        var url = $"/staff/cases/{reference}";
        await ActAsync(staff, url, "decideAssess", [("Input.Decision", "yes")]);

        var badEmail = await RefusedAsync(staff, url, "requestAdvice", [("Input.AdviserName", "Dr Ruth Ellis"), ("Input.AdviserEmail", "ruth at psychology")]);
        var noDraft = await RefusedAsync(staff, url, "serveDraft", []);

        Assert.Contains("email address in the correct format", badEmail, StringComparison.Ordinal);
        Assert.Contains("Upload the draft plan", noDraft, StringComparison.Ordinal);
        var stored = await factory.LoadCaseAsync(caseId);
        Assert.Equal(CaseStage.Assessing, stored.Stage);
        Assert.Empty(stored.Events.OfType<AdviceRequested>());
        Assert.Equal(0, await factory.WithStoreAsync(db => db.Set<AdviceInvitation>().CountAsync(i => i.CaseId == caseId)));
    }

    [Theory]
    [InlineData("/advice/x")]
    [InlineData("/advice/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task A_link_that_was_never_sent_says_it_is_not_valid(string link)
    {
        using var anyone = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await anyone.GetAsync(link);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null((await Html.ParseAsync(response)).QuerySelector("#advice-form"));
    }

    private const string UploadFieldName = Pages.Advice.UploadModel.FileField;

    private const string StaffFieldName = Pages.Staff.Cases.CaseModel.FileField;

    private static async Task ActAsync(HttpClient staff, string url, string action, (string, string)[] fields, FormFile? file = null)
    {
        var page = await Html.ParseAsync(await staff.GetAsync(url));
        using var response = await Forms.SubmitAsync(staff, page, url, Forms.Fields(fields), $"form[data-action={action}]", file);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{action}: {(await Html.ParseAsync(response)).QuerySelector(".govuk-error-summary")?.TextContent}");
    }

    private static async Task<string> RefusedAsync(HttpClient staff, string url, string action, (string, string)[] fields)
    {
        var page = await Html.ParseAsync(await staff.GetAsync(url));
        using var response = await Forms.SubmitAsync(staff, page, url, Forms.Fields(fields), $"form[data-action={action}]");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await Html.ParseAsync(response)).QuerySelector(".govuk-error-summary")?.TextContent ?? "";
    }

    [GeneratedRegex(@"\S*/advice/[A-Za-z0-9_-]{43}")]
    private static partial Regex AdviceLink();
}
