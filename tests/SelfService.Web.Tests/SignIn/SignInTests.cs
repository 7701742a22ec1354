using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SelfService.Data;
using SelfService.Data.Accounts;
using SelfService.Data.Storage;
using SelfService.Web.Tests.Support;

namespace SelfService.Web.Tests.SignIn;

public sealed class SignInTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private Mailbox Mail => Mailbox.PickupFolder(factory);

    private static string NewAddress(string who = "parent") => $"{who}.{Guid.NewGuid():N}@example.com";

    [Fact]
    public async Task A_new_address_signs_in_with_the_emailed_code_and_gets_an_account()
    {
        var email = NewAddress();
        using var client = PortalSignIn.CreateClient(factory);

        var code = await PortalSignIn.RequestCodeAsync(client, Mail, email);
        using var signedIn = await PortalSignIn.EnterCodeAsync(client, code);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/", signedIn.Headers.Location?.OriginalString);
        var home = await Html.ParseAsync(await client.GetAsync("/"));
        Assert.Contains(email, home.QuerySelector("#signed-in-as")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(home.QuerySelector("a[href='/sign-out']"));
        Assert.NotNull(home.QuerySelector("a[href='/requests']"));
        Assert.NotNull(home.QuerySelector("a[href='/cases']"));
        Assert.Null(home.QuerySelector("a[href='/sign-in']"));

        await using var scope = factory.Services.CreateAsyncScope();
        var account = await scope.ServiceProvider.GetRequiredService<CaseStoreDbContext>().Set<UserAccount>().SingleAsync(a => a.Email == email);
        Assert.NotNull(account.LastSignInAtUtc);
    }

    [Fact]
    public async Task The_helper_signs_in_and_the_header_offers_sign_in_to_everyone_else()
    {
        using var client = await PortalSignIn.SignInAsync(factory, "Helen.Carter@example.com");
        var signedIn = await Html.ParseAsync(await client.GetAsync("/"));
        Assert.Contains("helen.carter@example.com", signedIn.QuerySelector("#signed-in-as")?.TextContent, StringComparison.Ordinal);

        var anonymous = await Html.ParseAsync(await factory.CreateClient().GetAsync("/"));
        Assert.NotNull(anonymous.QuerySelector("a[href='/sign-in']"));
        Assert.Null(anonymous.QuerySelector("#signed-in-as"));
        Assert.Null(anonymous.QuerySelector("a[href='/cases']"));
    }

    [Fact]
    public async Task The_email_says_what_the_code_is_for_and_when_it_stops_working()
    {
        var email = NewAddress();
        using var client = PortalSignIn.CreateClient(factory);
        var before = Mail.Snapshot();
        using var _ = await Forms.PostAsync(client, "/sign-in", Forms.Fields(("email", email)));

        var message = await Mail.WaitForNewAsync(email, before);

        Assert.Equal("Your sign-in code for SEND Self-Service", message.Subject);
        Assert.Equal("no-reply@example.org", message.From);
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(message.Body, @"works once, until \d{1,2}:\d{2}(am|pm) on \d{1,2} [A-Z][a-z]+ \d{4} \(10 minutes after we sent it\)"), message.Body);
        Assert.Contains("If you did not ask to sign in, you can ignore this email", message.Body, StringComparison.Ordinal);
        Assert.Matches(@"^<[0-9a-f]{32}@selfservice\.outbox>$", message.MessageId);
    }

    [Fact]
    public async Task Known_and_unknown_addresses_get_the_same_answer_and_a_real_code()
    {
        var known = "helen.carter@example.com";
        var unknown = NewAddress("stranger");
        using var first = PortalSignIn.CreateClient(factory);
        using var second = PortalSignIn.CreateClient(factory);

        var knownCode = await PortalSignIn.RequestCodeAsync(first, Mail, known);
        var unknownCode = await PortalSignIn.RequestCodeAsync(second, Mail, unknown);

        var knownPage = (await Html.ParseAsync(await first.GetAsync("/sign-in/code"))).QuerySelector("main")!.TextContent;
        var unknownPage = (await Html.ParseAsync(await second.GetAsync("/sign-in/code"))).QuerySelector("main")!.TextContent;
        Assert.Equal(knownPage.Replace(known, "X", StringComparison.Ordinal), unknownPage.Replace(unknown, "X", StringComparison.Ordinal));
        Assert.Matches(@"^\d{6}$", knownCode);
        Assert.Matches(@"^\d{6}$", unknownCode);
    }

    [Fact]
    public async Task Codes_are_stored_only_as_a_keyed_hash()
    {
        var email = NewAddress();
        using var client = PortalSignIn.CreateClient(factory);
        var code = await PortalSignIn.RequestCodeAsync(client, Mail, email);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseStoreDbContext>();
        var stored = await db.Set<SignInCode>().SingleAsync(c => c.Email == email);
        Assert.Matches("^[0-9a-f]{64}$", stored.CodeHash);
        Assert.DoesNotContain(code, stored.CodeHash, StringComparison.Ordinal);
        Assert.NotEqual(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{email}\n{code}"))), stored.CodeHash);
        var outbox = await db.Set<OutboxMessage>().Where(m => m.Recipient == email).ToListAsync();
        Assert.Equal("email.signInCode", Assert.Single(outbox).Kind);
    }

    [Fact]
    public async Task A_wrong_code_is_an_error_on_the_page_and_the_right_code_still_works()
    {
        var email = NewAddress();
        using var client = PortalSignIn.CreateClient(factory);
        var code = await PortalSignIn.RequestCodeAsync(client, Mail, email);

        using var wrong = await PortalSignIn.EnterCodeAsync(client, WrongCode(code));

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        var page = await Html.ParseAsync(wrong);
        Assert.StartsWith("Error: Check your email - ", page.Title, StringComparison.Ordinal);
        var summaryLink = page.QuerySelector(".govuk-error-summary__list a");
        Assert.Equal("#code", summaryLink?.GetAttribute("href"));
        Assert.Contains("The code is not correct", summaryLink?.TextContent, StringComparison.Ordinal);
        Assert.Contains("The code is not correct", page.QuerySelector("#code-error")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("govuk-input--error", page.QuerySelector("#code")!.ClassList);

        using var right = await PortalSignIn.EnterCodeAsync(client, code);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
    }

    [Theory]
    [InlineData("", "Enter the code from the email")]
    [InlineData("12345", "The code must be 6 numbers")]
    [InlineData("12a456", "The code must be 6 numbers")]
    public async Task A_missing_or_malformed_code_is_explained(string entered, string message)
    {
        using var client = PortalSignIn.CreateClient(factory);
        await PortalSignIn.RequestCodeAsync(client, Mail, NewAddress());

        using var response = await PortalSignIn.EnterCodeAsync(client, entered);

        var page = await Html.ParseAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
        Assert.Equal(message, page.QuerySelector(".govuk-error-summary__list a")?.TextContent.Trim());
    }

    [Fact]
    public async Task A_code_with_spaces_is_accepted()
    {
        using var client = PortalSignIn.CreateClient(factory);
        var code = await PortalSignIn.RequestCodeAsync(client, Mail, NewAddress());

        using var response = await PortalSignIn.EnterCodeAsync(client, $" {code[..3]} {code[3..]} ");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Five_wrong_codes_stop_the_code_working_and_a_new_code_is_needed()
    {
        var email = NewAddress();
        using var client = PortalSignIn.CreateClient(factory);
        var code = await PortalSignIn.RequestCodeAsync(client, Mail, email);

        for (var i = 0; i < 4; i++)
        {
            using var wrong = await PortalSignIn.EnterCodeAsync(client, WrongCode(code));
            Assert.Contains("The code is not correct", (await Html.ParseAsync(wrong)).QuerySelector("#code-error")?.TextContent, StringComparison.Ordinal);
        }

        using var fifth = await PortalSignIn.EnterCodeAsync(client, WrongCode(code));
        Assert.Contains("wrong code too many times", (await Html.ParseAsync(fifth)).QuerySelector("#code-error")?.TextContent, StringComparison.Ordinal);
        using var right = await PortalSignIn.EnterCodeAsync(client, code);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("wrong code too many times", (await Html.ParseAsync(right)).QuerySelector("#code-error")?.TextContent, StringComparison.Ordinal);

        var before = Mail.Snapshot();
        using var resend = await Forms.PostAsync(client, "/sign-in/new-code");
        Assert.Equal("/sign-in/code", resend.Headers.Location?.OriginalString);
        var newCode = Mailbox.SignInCodeIn(await Mail.WaitForNewAsync(email, before));
        using var signedIn = await PortalSignIn.EnterCodeAsync(client, newCode);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    [Fact]
    public async Task A_code_works_once_even_when_replayed_from_another_browser()
    {
        var jar = new CookieContainer();
        using var first = Browser.Create(factory, jar);
        var code = await PortalSignIn.RequestCodeAsync(first, Mail, NewAddress());
        using var second = Browser.Create(factory, Browser.Copy(jar));

        using var used = await PortalSignIn.EnterCodeAsync(first, code);
        using var replayed = await PortalSignIn.EnterCodeAsync(second, code);

        Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Contains("expired or has already been used", (await Html.ParseAsync(replayed)).QuerySelector("#code-error")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_submissions_of_one_code_at_once_sign_in_only_one()
    {
        var jar = new CookieContainer();
        using var first = Browser.Create(factory, jar);
        var code = await PortalSignIn.RequestCodeAsync(first, Mail, NewAddress());
        using var second = Browser.Create(factory, Browser.Copy(jar));
        var firstPage = await Html.ParseAsync(await first.GetAsync("/sign-in/code"));
        var secondPage = await Html.ParseAsync(await second.GetAsync("/sign-in/code"));

        var responses = await Task.WhenAll(
            Forms.SubmitAsync(first, firstPage, "/sign-in/code", Forms.Fields(("code", code))),
            Forms.SubmitAsync(second, secondPage, "/sign-in/code", Forms.Fields(("code", code))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task A_new_code_replaces_the_old_one()
    {
        var email = NewAddress();
        using var client = PortalSignIn.CreateClient(factory);
        var oldCode = await PortalSignIn.RequestCodeAsync(client, Mail, email);
        var before = Mail.Snapshot();
        using var resend = await Forms.PostAsync(client, "/sign-in/new-code");
        var newCode = Mailbox.SignInCodeIn(await Mail.WaitForNewAsync(email, before));

        if (newCode != oldCode)
        {
            using var old = await PortalSignIn.EnterCodeAsync(client, oldCode);
            Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        }

        using var current = await PortalSignIn.EnterCodeAsync(client, newCode);
        Assert.Equal(HttpStatusCode.Redirect, current.StatusCode);
    }

    [Fact]
    public async Task A_fourth_code_for_one_address_within_15_minutes_is_refused_with_a_clear_message()
    {
        var email = NewAddress();
        using var client = PortalSignIn.CreateClient(factory);
        for (var i = 0; i < 3; i++)
        {
            await PortalSignIn.RequestCodeAsync(client, Mail, email);
        }

        using var fourth = await Forms.PostAsync(client, "/sign-in", Forms.Fields(("email", email)));

        Assert.Equal(HttpStatusCode.OK, fourth.StatusCode);
        var page = await Html.ParseAsync(fourth);
        Assert.StartsWith("Error: Sign in - ", page.Title, StringComparison.Ordinal);
        Assert.Equal("You have asked for too many codes. Wait 15 minutes, then try again", page.QuerySelector("#email-error")?.TextContent.Replace("Error:", "", StringComparison.Ordinal).Trim());
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Equal(3, await scope.ServiceProvider.GetRequiredService<CaseStoreDbContext>().Set<OutboxMessage>().CountAsync(m => m.Recipient == email));

        // Another address from the same browser is not affected.
        await PortalSignIn.RequestCodeAsync(client, Mail, NewAddress());
    }

    [Theory]
    [InlineData("", "Enter your email address")]
    [InlineData("helen.carter", "Enter an email address in the correct format, like name@example.com")]
    [InlineData("Helen <helen@example.com>", "Enter an email address in the correct format, like name@example.com")]
    [InlineData("helen@localhost", "Enter an email address in the correct format, like name@example.com")]
    public async Task A_missing_or_malformed_address_is_explained_and_kept_in_the_field(string email, string message)
    {
        using var client = PortalSignIn.CreateClient(factory);

        using var response = await Forms.PostAsync(client, "/sign-in", Forms.Fields(("email", email)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.StartsWith("Error: Sign in - ", page.Title, StringComparison.Ordinal);
        Assert.Equal(message, page.QuerySelector(".govuk-error-summary__list a[href='#email']")?.TextContent.Trim());
        Assert.Equal(email, page.QuerySelector("#email")?.GetAttribute("value") ?? "");
    }

    [Theory]
    [InlineData("/cases/EHC-2026-00042", "/cases/EHC-2026-00042")]
    [InlineData("https://evil.example/cases", "/")]
    [InlineData("//evil.example/cases", "/")]
    public async Task After_signing_in_people_return_to_the_page_they_asked_for_on_this_site_only(string returnUrl, string expected)
    {
        var email = NewAddress();
        using var client = PortalSignIn.CreateClient(factory);
        var code = await PortalSignIn.RequestCodeAsync(client, Mail, email, "/sign-in?returnUrl=" + Uri.EscapeDataString(returnUrl));

        using var response = await PortalSignIn.EnterCodeAsync(client, code);

        Assert.Equal(expected, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_code_page_without_a_code_sent_goes_back_to_the_start()
    {
        using var client = PortalSignIn.CreateClient(factory);

        using var code = await client.GetAsync("/sign-in/code");
        using var newCode = await client.GetAsync("/sign-in/new-code");

        Assert.Equal("/sign-in", code.Headers.Location?.OriginalString);
        Assert.Equal("/sign-in", newCode.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        using var client = await PortalSignIn.SignInAsync(factory, NewAddress());

        var confirm = await Html.ParseAsync(await client.GetAsync("/sign-out"));
        Assert.StartsWith("Sign out - ", confirm.Title, StringComparison.Ordinal);
        using var signedOut = await Forms.PostAsync(client, "/sign-out");

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal("/signed-out", signedOut.Headers.Location?.OriginalString);
        var after = await Html.ParseAsync(await client.GetAsync("/signed-out"));
        Assert.Equal("You have signed out", after.QuerySelector("h1")?.TextContent.Trim());
        Assert.NotNull(after.QuerySelector("a[href='/sign-in']"));
        Assert.Null(after.QuerySelector("#signed-in-as"));
    }

    [Fact]
    public async Task Forms_without_the_antiforgery_token_are_rejected()
    {
        var email = NewAddress();
        using var client = await PortalSignIn.SignInAsync(factory, email);

        using var signIn = await Forms.PostRawAsync(client, "/sign-in", Forms.Fields(("email", NewAddress())));
        using var signOut = await Forms.PostRawAsync(client, "/sign-out", []);

        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, signOut.StatusCode);
        var home = await Html.ParseAsync(await client.GetAsync("/"));
        Assert.Contains(email, home.QuerySelector("#signed-in-as")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sessions_survive_a_restart_because_the_keys_are_kept_in_the_data_directory()
    {
        var email = NewAddress();
        var jar = new CookieContainer();
        using (var client = Browser.Create(factory, jar))
        {
            await PortalSignIn.SignInAsync(client, Mail, email);
        }

        await using var restarted = factory.WithWebHostBuilder(b => b.UseSetting("Council:Name", "Restarted Council"));
        using var again = Browser.Create(restarted, jar);
        var home = await Html.ParseAsync(await again.GetAsync("/"));

        Assert.Equal("Restarted Council", home.QuerySelector(".govuk-generic-header__homepage-link")?.TextContent.Trim());
        Assert.Contains(email, home.QuerySelector("#signed-in-as")?.TextContent, StringComparison.Ordinal);
    }

    private static string WrongCode(string code) => code == "000000" ? "111111" : "000000";
}
