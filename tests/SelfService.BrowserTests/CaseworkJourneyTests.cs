using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SelfService.BrowserTests.Infrastructure;
using SelfService.Data.DemoData;
using SelfService.Domain.Calendar;
using SelfService.Domain.Notifications;
using SelfService.Domain.Timeline;
using SelfService.Web.Tests.Support;

namespace SelfService.BrowserTests;

/// <summary>
/// The council side end to end in Chromium: a caseworker signs in through the council's identity
/// provider (the loopback OpenID Provider), records a request that came by phone and takes it to a
/// final plan through the staff pages. At every step the family, signed in to the portal in their
/// own browser, gets the email, sees the update arrive in their open chat and finds the case page
/// showing the new stage and the right legal date.
/// </summary>
public sealed partial class CaseworkJourneyTests(StaffSignInBrowserFixture fixture) : IClassFixture<StaffSignInBrowserFixture>, IAsyncLifetime
{
    private IPage _staff = null!;
    private IPage _familyChat = null!;
    private IPage _familyCase = null!;
    private Mailbox _mail = null!;
    private string _parentEmail = string.Empty;
    private string _reference = string.Empty;

    public async Task InitializeAsync()
    {
        _staff = await fixture.NewPageAsync();
        _familyChat = await fixture.NewPageAsync();
        _familyCase = await _familyChat.Context.NewPageAsync();
        _mail = new Mailbox(fixture.MailPickupDirectory);
        _parentEmail = PortalAccounts.NewEmail("journey");
    }

    public async Task DisposeAsync()
    {
        await _staff.Context.CloseAsync();
        await _familyChat.Context.CloseAsync();
    }

    [Fact]
    public Task A_phoned_in_request_goes_from_receipt_to_final_plan_and_the_family_sees_every_step() => Evidence.OnFailureScreenshotAsync(_staff, async () =>
    {
        var today = fixture.Today;
        var received = today.AddDays(-126);
        var finalDue = received.AddDays(StatutoryClock.FinalPlanDays);

        // The caseworker signs in at the council's provider on the way to recording the request.
        await _staff.GotoAsync("/staff/cases/new");
        await fixture.SignInAtProviderAsync(_staff, DemoCast.CaseworkerEmail);
        await _staff.WaitForURLAsync(fixture.Origin + "/staff/cases/new");
        await Accessibility.AssertNoViolationsAsync(_staff);
        await _staff.GetByLabel("Child's first name").FillAsync("Ellie");
        await _staff.GetByLabel("Child's last name").FillAsync("Marsh");
        await _staff.GetByLabel("Child's date of birth (year-month-day)").FillAsync("2017-05-14");
        await _staff.GetByLabel("Postcode").FillAsync("LS7 3QB");
        await _staff.GetByLabel("Parent's first name").FillAsync("Gemma");
        await _staff.GetByLabel("Parent's last name").FillAsync("Marsh");
        await _staff.GetByLabel("Parent's email address").FillAsync(_parentEmail);
        await _staff.GetByLabel("Date received (year-month-day; blank for today)").FillAsync(Iso(received));
        await _staff.GetByLabel("How it arrived").SelectOptionAsync("phone");
        var before = _mail.Snapshot();
        await _staff.GetByRole(AriaRole.Button, new() { Name = "Record request" }).ClickAsync();
        await _staff.WaitForURLAsync(new Regex(@"/staff/cases/EHC-\d{4}-\d+$"));
        _reference = new Uri(_staff.Url).AbsolutePath.Split('/')[^1];
        await ExpectEmailAsync(before, "Request received", $"We will decide whether to assess by {Long(received.AddDays(StatutoryClock.DecisionToAssessDays))}.");
        await Assertions.Expect(_staff.Locator("#case-summary")).ToContainTextAsync($"{Long(received)} (Parent or carer, by phone)");

        // The family signs in to the portal as anyone would and opens the chat: the waiting update is delivered.
        await _familyChat.GotoAsync("/sign-in");
        var code = await PortalAccounts.RequestCodeAsync(_familyChat, _mail, _parentEmail);
        await PortalAccounts.EnterCodeAsync(_familyChat, code);
        await _familyChat.GotoAsync("/chat");
        await ExpectChatAsync($"We received the request for an EHC needs assessment for Ellie Marsh on {Long(received)}.");
        await ExpectCasePageAsync("Decision whether to carry out an assessment", received.AddDays(StatutoryClock.DecisionToAssessDays));

        await ActAsync("assign", async form => await form.GetByLabel("Caseworker").SelectOptionAsync(new SelectOptionValue { Label = DemoCast.CaseworkerName }),
            "Your caseworker", $"{DemoCast.CaseworkerName} is now the caseworker for Ellie Marsh's request.");
        await Assertions.Expect(_familyCase.Locator("#contact")).ToBeVisibleAsync();

        var decided = received.AddDays(40);
        await ActAsync("decideAssess", async form =>
        {
            await form.GetByLabel("Assess", new() { Exact = true }).CheckAsync();
            await form.GetByLabel("Date of decision").FillAsync(Iso(decided));
        }, "We will assess", $"On {Long(decided)} we decided to carry out an EHC needs assessment for Ellie Marsh. We will tell you by {Long(received.AddDays(StatutoryClock.DecisionToIssueDays))} whether we will issue a plan.");
        await ExpectCasePageAsync(null, received.AddDays(StatutoryClock.DecisionToIssueDays));

        var asked = received.AddDays(41);
        await ActAsync("requestAdvice", async form =>
        {
            await form.GetByLabel("Adviser", new() { Exact = true }).SelectOptionAsync("EducationalPsychologist");
            await form.GetByLabel("Adviser's name").FillAsync("Dr Priya Shah");
            await form.GetByLabel("Adviser's email (optional)").FillAsync(AdviserEmail);
            await form.GetByLabel("Date requested").FillAsync(Iso(asked));
        }, "Advice requested", $"On {Long(asked)} we asked Dr Priya Shah for advice for Ellie Marsh's assessment. It is due by {Long(asked.AddDays(42))}.");

        // The adviser's emailed link opens the upload page for this one request, with no account.
        var invitation = await _mail.WaitForAsync(e => e.To.Contains(AdviserEmail, StringComparison.OrdinalIgnoreCase) && e.Subject.EndsWith(_reference, StringComparison.Ordinal));
        var adviser = await fixture.NewPageAsync();
        await adviser.GotoAsync(AdviceLink().Match(invitation.Body).Value);
        await Assertions.Expect(adviser.Locator("#advice-child")).ToHaveTextAsync("Ellie Marsh");
        await Assertions.Expect(adviser.Locator("#advice-due")).ToHaveTextAsync(UkDate.DayMonthYear(asked.AddDays(42)));
        await Accessibility.AssertNoViolationsAsync(adviser);
        await adviser.Context.CloseAsync();

        // The report came by post in the end: the caseworker records it with the scanned copy.
        var adviceIn = received.AddDays(75);
        await ActAsync("adviceReceived", async form =>
        {
            await form.GetByLabel("Advice from Dr Priya Shah received on").FillAsync(Iso(adviceIn));
            await form.GetByLabel("The adviser's report (optional)").SetInputFilesAsync(Pdf("EP report.pdf"));
        }, "Advice received", $"On {Long(adviceIn)} we received the advice from Dr Priya Shah for Ellie Marsh's assessment.");

        var toIssue = received.AddDays(98);
        await ActAsync("decideIssue", async form =>
        {
            await form.GetByLabel("Issue", new() { Exact = true }).CheckAsync();
            await form.GetByLabel("Date of decision").FillAsync(Iso(toIssue));
        }, "We will issue a plan", $"On {Long(toIssue)} we decided to issue an EHC plan for Ellie Marsh. You will receive a draft plan to comment on; the final plan is due by {Long(finalDue)}.");

        var draft = received.AddDays(100);
        await ActAsync("serveDraft", async form =>
        {
            await form.GetByLabel("The draft plan").SetInputFilesAsync(Pdf("Ellie Marsh draft plan.pdf"));
            await form.GetByLabel("Draft plan served on").FillAsync(Iso(draft));
        }, "Draft plan ready for your comments", $"Please send your comments and the school you would like named by {Long(draft.AddDays(StatutoryClock.DraftResponseDays))}.");

        // The family downloads the draft, and the advice that goes with it, from their case page.
        await _familyCase.GotoAsync($"/cases/{_reference}");
        var drafts = _familyCase.Locator("#council-document-list [data-kind=DraftPlan] a");
        await Assertions.Expect(drafts).ToHaveTextAsync("Ellie Marsh draft plan.pdf");
        await Assertions.Expect(_familyCase.Locator("#council-document-list [data-kind=Advice]")).ToContainTextAsync("EP report.pdf");
        var download = await _familyCase.RunAndWaitForDownloadAsync(() => drafts.ClickAsync());
        Assert.Equal("Ellie Marsh draft plan.pdf", download.SuggestedFilename);

        var representations = received.AddDays(110);
        await ActAsync("representations", async form =>
        {
            await form.GetByLabel("Family's representations").FillAsync("Parent asks for more speech and language therapy.");
            await form.GetByLabel("Setting asked for (URN, optional)").FillAsync(DemoCast.PrimarySchoolUrn);
            await form.GetByLabel("Received on").FillAsync(Iso(representations));
        }, "Your comments on the draft plan", $"and the setting you asked for, {DemoCast.PrimarySchoolName}. The final plan is due by {Long(finalDue)}.");

        await ActAsync("finalPlan", async form =>
        {
            await form.GetByLabel("Named setting (URN)").FillAsync(DemoCast.PrimarySchoolUrn);
            await form.GetByLabel("Issued on").FillAsync(Iso(today));
        }, "Final EHC plan issued", $"On {Long(today)} we issued Ellie Marsh's final EHC plan, naming {DemoCast.PrimarySchoolName}.");
        await Assertions.Expect(_staff.Locator("#case-summary [data-stage]")).ToHaveTextAsync("final plan issued");
        await Accessibility.AssertNoViolationsAsync(_staff);

        // Issued within 20 weeks: the family's time limits show the final plan done on the day, not late.
        await _familyCase.GotoAsync($"/cases/{_reference}");
        await Assertions.Expect(_familyCase.Locator("#timeline")).ToBeVisibleAsync();
        await Assertions.Expect(_familyCase.Locator("main")).ToContainTextAsync($"Done on {UkDate.DayMonthYear(today)}");
        await Assertions.Expect(_familyCase.Locator("main")).Not.ToContainTextAsync("late", new() { IgnoreCase = false });
        await Accessibility.AssertNoViolationsAsync(_familyCase);
    }, nameof(CaseworkJourneyTests));

    private const string AdviserEmail = "ep.service@psychology.example";

    private static FilePayload Pdf(string name) => new()
    {
        Name = name,
        MimeType = "application/pdf",
        Buffer = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"),
    };

    [GeneratedRegex(@"/advice/[A-Za-z0-9_-]{43}")]
    private static partial Regex AdviceLink();

    /// <summary>Fills and submits one action's form on the staff case page, then checks the family's email and chat.</summary>
    private async Task ActAsync(string action, Func<ILocator, Task> fill, string subject, string says)
    {
        var form = _staff.Locator($"form[data-action={action}]").First;
        await fill(form);
        var before = _mail.Snapshot();
        await form.Locator("button.govuk-button").ClickAsync();
        await Assertions.Expect(_staff.Locator(".govuk-notification-banner--success")).ToBeVisibleAsync();
        await Assertions.Expect(_staff.Locator(".govuk-error-summary")).ToHaveCountAsync(0);
        await ExpectEmailAsync(before, subject, says);
        await ExpectChatAsync(says);
    }

    private async Task ExpectEmailAsync(IReadOnlySet<string> before, string subject, string says)
    {
        var email = await _mail.WaitForAsync(e => !before.Contains(e.Path) && e.To.Contains(_parentEmail, StringComparison.OrdinalIgnoreCase) && e.Subject.StartsWith(subject + ":", StringComparison.Ordinal));
        Assert.Equal($"{subject}: {_reference}", email.Subject);
        Assert.Contains(says, Regex.Replace(email.Body, @"\s+", " "), StringComparison.Ordinal);
    }

    /// <summary>Web Chat renders the bot's text as markdown, which turns straight apostrophes into curly ones.</summary>
    private async Task ExpectChatAsync(string says)
    {
        var text = new Regex(Regex.Escape(says).Replace("'", "['’]", StringComparison.Ordinal));
        await Assertions.Expect(_familyChat.Locator(".webchat__bubble__content", new() { HasTextRegex = text }).First).ToBeVisibleAsync(new() { Timeout = 60_000 });
    }

    private async Task ExpectCasePageAsync(string? milestone, DateOnly due)
    {
        await _familyCase.GotoAsync($"/cases/{_reference}");
        var next = _familyCase.Locator("#case-summary .govuk-summary-list__row", new() { HasTextString = "Next deadline" });
        await Assertions.Expect(next).ToContainTextAsync(UkDate.DayMonthYear(due));
        if (milestone is not null)
        {
            await Assertions.Expect(next).ToContainTextAsync(milestone);
        }
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Long(DateOnly date) => CaseUpdateWording.LongDate(date);
}
