using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SelfService.Data;
using SelfService.Data.DemoData;
using SelfService.Data.Enquiries;
using SelfService.Data.Storage;
using SelfService.Domain.Calendar;
using SelfService.Domain.Enquiries;

namespace SelfService.Dialogs.Tests.Conversations;

/// <summary>Councillors, MPs and their office caseworkers logging and following casework queries in chat.</summary>
public abstract class MemberEnquiryChatTests(ChatTestHost host)
{
    [Fact]
    public async Task A_councillor_logs_a_query_in_chat_with_the_same_reference_dates_and_email_as_the_portal()
    {
        var councillor = host.Session(await host.LinkedUserAsync(DemoCast.CouncillorEmail));
        var form = FormId(await councillor.SayAsync("I need to log a casework query for a constituent"));
        var lastName = UniqueLastName();

        var reply = await councillor.SubmitAsync(Submission(form, lastName));

        var expected = ServiceLevels.Default.EnquiryDueDates(host.Today, WorkingDayCalendar.EnglandAndWales);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseStoreDbContext>();
        var enquiry = await db.Set<MemberEnquiry>().Include(e => e.Consent).SingleAsync(e => e.ChildLastName == lastName);
        Assert.Equal(DemoCast.CouncillorId, enquiry.ElectedMemberId);
        Assert.Equal(new DateOnly(2014, 3, 9), enquiry.ChildDateOfBirth);
        Assert.Equal("LS6 2AB", enquiry.Postcode);
        Assert.Equal(EnquiryCategory.Transport, enquiry.Category);
        Assert.Equal(EnquiryConsentMethod.Email, enquiry.Consent!.Method);
        Assert.Equal(host.Today.AddDays(-1), enquiry.Consent.GivenOn);
        Assert.Equal((expected.AcknowledgeBy, expected.RespondBy), (enquiry.AcknowledgeBy, enquiry.RespondBy));

        var text = ChatSession.Texts(reply);
        Assert.Contains($"Query logged. Your reference is {enquiry.Reference}.", text, StringComparison.Ordinal);
        Assert.Contains($"acknowledge it by {UkDate.DayMonthYear(expected.AcknowledgeBy)} and reply by {UkDate.DayMonthYear(expected.RespondBy)}", text, StringComparison.Ordinal);
        Assert.Contains($"/members/enquiries/{enquiry.Reference}", text, StringComparison.Ordinal);
        Assert.Contains(enquiry.Reference, JsonSerializer.Serialize(Assert.Single(reply, a => a.Attachments is { Count: > 0 }).Attachments![0].Content), StringComparison.Ordinal);

        var email = await db.OutboxMessages.SingleAsync(m => m.Recipient == DemoCast.CouncillorEmail && m.Kind == OutboxEmail.KindPrefix + EnquiryEmails.AcknowledgementKind && m.Subject!.Contains(enquiry.Reference));
        Assert.Contains(UkDate.Long(expected.RespondBy), OutboxEmail.TextBody(email), StringComparison.Ordinal);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "enquiry.logged" && a.EntityId == enquiry.Id.ToString() && a.Actor == DemoCast.CouncillorEmail));
    }

    [Fact]
    public async Task Submitting_the_same_form_twice_logs_one_query_and_gives_its_reference_again()
    {
        var councillor = host.Session(await host.LinkedUserAsync(DemoCast.CouncillorEmail));
        var form = FormId(await councillor.SayAsync("log a query for a resident"));
        var lastName = UniqueLastName();

        await councillor.SubmitAsync(Submission(form, lastName));
        var again = ChatSession.Texts(await councillor.SubmitAsync(Submission(form, lastName)));

        await using var scope = host.Services.CreateAsyncScope();
        var logged = await scope.ServiceProvider.GetRequiredService<CaseStoreDbContext>().Set<MemberEnquiry>().Where(e => e.ChildLastName == lastName).ToListAsync();
        var only = Assert.Single(logged);
        Assert.Contains($"This query was already logged. Your reference is {only.Reference}.", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mistakes_are_named_in_the_portal_s_words_and_nothing_is_logged()
    {
        var councillor = host.Session(await host.LinkedUserAsync(DemoCast.CouncillorEmail));
        var form = FormId(await councillor.SayAsync("I want to raise a casework query"));
        var lastName = UniqueLastName();
        var bad = Submission(form, lastName, postcode: "not a postcode", dateOfBirth: host.Today.AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), consentGivenBy: "");

        var reply = ChatSession.Texts(await councillor.SubmitAsync(bad));

        Assert.Contains("Please correct these in the form above", reply, StringComparison.Ordinal);
        Assert.Contains("Enter a real postcode, like LS1 1UR", reply, StringComparison.Ordinal);
        Assert.Contains("Date of birth must be in the past", reply, StringComparison.Ordinal);
        Assert.Contains("Enter the name of the person who gave consent", reply, StringComparison.Ordinal);
        await using var scope = host.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<CaseStoreDbContext>().Set<MemberEnquiry>().AnyAsync(e => e.ChildLastName == lastName));
    }

    [Fact]
    public async Task An_MP_s_office_caseworker_logs_for_the_MP_who_sees_it_in_their_open_queries_and_no_other_member_does()
    {
        var delegateChat = host.Session(await host.LinkedUserAsync(DemoCast.MpDelegateEmail));
        var mp = host.Session(await host.LinkedUserAsync(DemoCast.MpEmail));
        var otherCouncillor = host.Session(await host.LinkedUserAsync(DemoCast.SecondCouncillorEmail));
        var form = FormId(await delegateChat.SayAsync("I need to log a casework query for a constituent"));
        var lastName = UniqueLastName();
        await delegateChat.SubmitAsync(Submission(form, lastName));

        await using var scope = host.Services.CreateAsyncScope();
        var enquiry = await scope.ServiceProvider.GetRequiredService<CaseStoreDbContext>().Set<MemberEnquiry>().AsNoTracking().SingleAsync(e => e.ChildLastName == lastName);
        Assert.Equal(DemoCast.MpId, enquiry.ElectedMemberId);
        Assert.Equal(DemoCast.MpDelegateId, enquiry.LoggedByDelegateId);

        var mpList = ChatSession.Texts(await mp.SayAsync("where are my open queries?"));
        var delegateList = ChatSession.Texts(await delegateChat.SayAsync("any update on my casework queries?"));
        var otherList = ChatSession.Texts(await otherCouncillor.SayAsync("where are my open queries?"));

        var line = $"{enquiry.Reference}: Alfie {lastName[0]}., transport, to be acknowledged by {UkDate.DayMonthYear(enquiry.AcknowledgeBy)}, reply by {UkDate.DayMonthYear(enquiry.RespondBy)}";
        Assert.Contains(line, mpList, StringComparison.Ordinal);
        Assert.Contains(line, delegateList, StringComparison.Ordinal);
        Assert.DoesNotContain(enquiry.Reference, otherList, StringComparison.Ordinal);
        Assert.DoesNotContain(lastName, mpList, StringComparison.Ordinal);
        Assert.Contains("/members/enquiries", otherList, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_parent_or_an_unlinked_chat_cannot_log_a_query_even_with_a_forged_form()
    {
        var parent = host.Session(await host.LinkedUserAsync(DemoCast.ParentEmail));
        var stranger = host.Session($"stranger-{Guid.NewGuid():N}");
        var lastName = UniqueLastName();

        var asked = ChatSession.Texts(await parent.SayAsync("I need to log a casework query for a constituent"));
        var forged = ChatSession.Texts(await parent.SubmitAsync(Submission(Guid.NewGuid().ToString(), lastName)));
        var strangerForged = ChatSession.Texts(await stranger.SubmitAsync(Submission(Guid.NewGuid().ToString(), lastName)));
        var list = ChatSession.Texts(await parent.SayAsync("where are my open queries?"));

        Assert.All([asked, forged, strangerForged, list], reply => Assert.Contains("councillors and MPs", reply, StringComparison.Ordinal));
        await using var scope = host.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<CaseStoreDbContext>().Set<MemberEnquiry>().AnyAsync(e => e.ChildLastName == lastName));
    }

    private static string UniqueLastName() => "Test" + new string(Guid.NewGuid().ToString("N").Where(char.IsLetter).Take(8).ToArray());

    private static string FormId(IReadOnlyList<BotFramework.Schema.Activity> reply)
    {
        var card = JsonNode.Parse(JsonSerializer.Serialize(Assert.Single(reply, a => a.Attachments is { Count: > 0 }).Attachments![0].Content))!;
        Assert.Contains("childFirstName", card.ToJsonString(), StringComparison.Ordinal);
        var submit = card["actions"]!.AsArray().First(a => a!["data"]?["action"]?.GetValue<string>() == "logEnquiry")!;
        return submit["data"]!["form"]!.GetValue<string>();
    }

    private JsonElement Submission(string form, string lastName, string postcode = "ls6 2ab", string dateOfBirth = "2014-03-09", string consentGivenBy = "Jo Bloggs") =>
        JsonSerializer.SerializeToElement(new Dictionary<string, string>
        {
            ["action"] = "logEnquiry",
            ["form"] = form,
            ["childFirstName"] = "Alfie",
            ["childLastName"] = lastName,
            ["childDateOfBirth"] = dateOfBirth,
            ["parentName"] = "Jo Bloggs",
            ["postcode"] = postcode,
            ["caseReference"] = "",
            ["category"] = "Transport",
            ["concern"] = "The taxi to school has not come for two weeks.",
            ["hasConsent"] = "yes",
            ["consentGivenBy"] = consentGivenBy,
            ["consentMethod"] = "Email",
            ["consentGivenOn"] = host.Today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });
}

public sealed class SqliteMemberEnquiryChatTests(SqliteChatTestHost host) : MemberEnquiryChatTests(host), IClassFixture<SqliteChatTestHost>;

public sealed class PostgresMemberEnquiryChatTests(PostgresChatTestHost host) : MemberEnquiryChatTests(host), IClassFixture<PostgresChatTestHost>;
