using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using SelfService.Data.DemoData;
using SelfService.Web.Tests.Support;

namespace SelfService.Web.Tests.Cases;

/// <summary>
/// One policy behind every case address: whoever is not entitled gets the very same 404 as for a
/// case that does not exist, on every page and in the API, so a reference reveals nothing.
/// </summary>
public sealed partial class CaseAccessTests(SeededWebAppFactory factory) : IClassFixture<SeededWebAppFactory>
{
    private const string UnknownCase = "EHC-2001-99999";
    private const string UnknownPlan = "EHCP-999999";

    public static TheoryData<string> Outsiders => new()
    {
        DemoCast.LeoParentEmail,          // a parent, of another child
        DemoCast.SharedSencoMailboxEmail, // a school contact, of another school
        DemoCast.CouncillorEmail,         // a councillor, with no consented enquiry
        DemoCast.MpEmail,
        "",                               // anonymous
    };

    /// <summary>Every address that shows a case of the Carters, paired with the same address for a case that does not exist.</summary>
    private List<(string Real, string Unknown)> CarterAddresses()
    {
        var sam = DemoCast.SamCaseReference(factory.Today());
        return
        [
            ($"/cases/{sam}", $"/cases/{UnknownCase}"),
            ($"/cases/{sam}/draft-plan-response", $"/cases/{UnknownCase}/draft-plan-response"),
            ($"/cases/{sam}/draft-plan-response/sent", $"/cases/{UnknownCase}/draft-plan-response/sent"),
            ($"/cases/plans/{DemoCast.MaisiePlanReference}", $"/cases/plans/{UnknownPlan}"),
            ($"/api/cases/{sam}", $"/api/cases/{UnknownCase}"),
        ];
    }

    private string RubyReference => DemoCast.CaseReference(factory.Today().AddDays(-160), DemoCast.RubyCaseNumber);

    private async Task<HttpClient> ClientAsync(string email) =>
        email.Length == 0 ? PortalSignIn.CreateClient(factory) : await factory.ClientForAsync(email);

    [Theory]
    [MemberData(nameof(Outsiders))]
    public async Task Someone_not_entitled_gets_the_same_404_as_for_a_case_that_does_not_exist(string email)
    {
        var client = await ClientAsync(email);

        foreach (var (real, unknown) in CarterAddresses())
        {
            using var forReal = await client.GetAsync(real);
            using var forUnknown = await client.GetAsync(unknown);

            Assert.Equal(HttpStatusCode.NotFound, forReal.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, forUnknown.StatusCode);
            Assert.Equal(forUnknown.Content.Headers.ContentType?.ToString(), forReal.Content.Headers.ContentType?.ToString());
            Assert.Equal(Comparable(await forUnknown.Content.ReadAsStringAsync()), Comparable(await forReal.Content.ReadAsStringAsync()));
        }
    }

    [Theory]
    [MemberData(nameof(Outsiders))]
    public async Task Someone_not_entitled_cannot_respond_to_a_draft_and_gets_the_same_404(string email)
    {
        var client = await ClientAsync(email);
        var token = await TokenAsync(client, email);
        var fields = Forms.Fields(("Comments", "Not my child"), ("Meeting", "no"), (Forms.AntiforgeryField, token));
        var eventsBefore = (await factory.LoadCaseAsync(DemoCast.RubyCaseId)).Events.Count;

        using var forReal = await Forms.PostRawAsync(client, $"/cases/{RubyReference}/draft-plan-response", fields);
        using var forUnknown = await Forms.PostRawAsync(client, $"/cases/{UnknownCase}/draft-plan-response", fields);

        Assert.Equal(HttpStatusCode.NotFound, forReal.StatusCode);
        Assert.Equal(Comparable(await forUnknown.Content.ReadAsStringAsync()), Comparable(await forReal.Content.ReadAsStringAsync()));
        Assert.Equal(eventsBefore, (await factory.LoadCaseAsync(DemoCast.RubyCaseId)).Events.Count);
    }

    [Fact]
    public async Task A_school_that_may_see_a_case_still_may_not_respond_for_the_family()
    {
        var mailbox = await factory.ClientForAsync(DemoCast.SharedSencoMailboxEmail);

        Assert.Equal(HttpStatusCode.OK, (await mailbox.GetAsync($"/cases/{RubyReference}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mailbox.GetAsync($"/cases/{RubyReference}/draft-plan-response")).StatusCode);
    }

    [Fact]
    public async Task The_other_parent_with_parental_responsibility_sees_the_children_s_cases()
    {
        var mark = await factory.ClientForAsync(DemoCast.SecondParentEmail);

        foreach (var (real, _) in CarterAddresses().Where(a => !a.Real.Contains("draft-plan-response", StringComparison.Ordinal)))
        {
            Assert.Equal(HttpStatusCode.OK, (await mark.GetAsync(real)).StatusCode);
        }
    }

    [Fact]
    public async Task A_404_for_a_case_writes_no_view_to_the_audit_trail()
    {
        var councillor = await factory.ClientForAsync(DemoCast.CouncillorEmail);

        await councillor.GetAsync(CarterAddresses()[0].Real);

        Assert.False(await factory.WithStoreAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(
            db.AuditEntries, a => a.Actor == DemoCast.CouncillorEmail && a.Action == Data.Cases.CaseReader.CaseViewedAction)));
    }

    /// <summary>A valid antiforgery token for this client, from a form it may open.</summary>
    private static async Task<string> TokenAsync(HttpClient client, string email)
    {
        var page = await Html.ParseAsync(await client.GetAsync(email.Length == 0 ? "/sign-in" : "/sign-out"));
        return Forms.AntiforgeryToken(page);
    }

    /// <summary>The body with what differs on every response anyway (CSP nonce, the chat's antiforgery token, trace id) blanked out.</summary>
    private static string Comparable(string body)
    {
        var text = NonceAttribute().Replace(body, "$1=\"\"");
        if (text.StartsWith('{'))
        {
            using var json = JsonDocument.Parse(text);
            return string.Join("|", json.RootElement.EnumerateObject().Where(p => p.Name != "traceId").Select(p => $"{p.Name}={p.Value}"));
        }

        return text;
    }

    [GeneratedRegex("(nonce|data-chat-antiforgery)=\"[^\"]*\"")]
    private static partial Regex NonceAttribute();
}
