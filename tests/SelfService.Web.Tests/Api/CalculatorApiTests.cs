using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace SelfService.Web.Tests.Api;

public sealed class CalculatorApiTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Statutory_timeline_answers_the_worked_example()
    {
        var json = await PostOk("/api/statutory-timeline", """
            {"requestReceived":"2026-01-05","asOf":"2026-03-01",
             "events":[{"type":"decisionToAssess","date":"2026-02-10","outcome":"agreed"}]}
            """);

        var assess = Milestone(json, "decisionToAssess");
        Assert.Equal("2026-02-16", assess.GetProperty("due").GetString());
        Assert.Equal("2026-02-10", assess.GetProperty("completed").GetString());
        Assert.Equal("met", assess.GetProperty("status").GetString());
        Assert.Equal(0, assess.GetProperty("daysOverdue").GetInt32());
        Assert.False(assess.GetProperty("exceptionApplies").GetBoolean());

        Assert.Equal("2026-04-27", Milestone(json, "decisionToIssue").GetProperty("due").GetString());
        var final = Milestone(json, "finalPlan");
        Assert.Equal("2026-05-25", final.GetProperty("due").GetString());
        Assert.Equal(JsonValueKind.Null, final.GetProperty("completed").ValueKind);
        Assert.Equal("pending", final.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("within20Weeks").ValueKind);
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("nextStep").GetString()));
    }

    [Fact]
    public async Task Statutory_timeline_reports_an_overdue_decision_with_days_and_next_step()
    {
        var json = await PostOk("/api/statutory-timeline", """{"requestReceived":"2026-01-05","asOf":"2026-03-01"}""");

        var assess = Milestone(json, "decisionToAssess");
        Assert.Equal("overdue", assess.GetProperty("status").GetString());
        Assert.Equal(13, assess.GetProperty("daysOverdue").GetInt32());
        Assert.Contains("16 February 2026", json.GetProperty("nextStep").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Statutory_timeline_flags_exceptions_and_judges_twenty_weeks()
    {
        var json = await PostOk("/api/statutory-timeline", """
            {"requestReceived":"2026-04-20","asOf":"2026-10-30","events":[
              {"type":"decisionToAssess","date":"2026-05-28","outcome":"agreed"},
              {"type":"exception","kind":"schoolClosure","from":"2026-07-15","to":"2026-08-27","reason":"School closed for summer"},
              {"type":"decisionToIssue","date":"2026-08-20","outcome":"issue"},
              {"type":"draftPlanServed","date":"2026-08-24"},
              {"type":"finalPlanIssued","date":"2026-09-21"}]}
            """);

        // Day 0 + 140 = 7 September 2026; the plan came two weeks later, but the summer closure applies.
        var final = Milestone(json, "finalPlan");
        Assert.Equal("2026-09-07", final.GetProperty("due").GetString());
        Assert.Equal("late", final.GetProperty("status").GetString());
        Assert.Equal(14, final.GetProperty("daysOverdue").GetInt32());
        Assert.True(final.GetProperty("exceptionApplies").GetBoolean());
        Assert.False(Milestone(json, "decisionToAssess").GetProperty("exceptionApplies").GetBoolean());
        Assert.False(json.GetProperty("within20Weeks").GetBoolean());
    }

    [Fact]
    public async Task Statutory_timeline_says_a_plan_issued_in_time_is_within_twenty_weeks()
    {
        var json = await PostOk("/api/statutory-timeline", """
            {"requestReceived":"2026-01-05","asOf":"2026-06-01","events":[
              {"type":"decisionToAssess","date":"2026-02-10","outcome":"agreed"},
              {"type":"decisionToIssue","date":"2026-04-01","outcome":"issue"},
              {"type":"draftPlanServed","date":"2026-04-10"},
              {"type":"finalPlanIssued","date":"2026-05-25"}]}
            """);

        Assert.True(json.GetProperty("within20Weeks").GetBoolean());
        Assert.Equal("met", Milestone(json, "finalPlan").GetProperty("status").GetString());
        Assert.Equal("2026-04-24", Milestone(json, "draftResponseDeadline").GetProperty("due").GetString());
    }

    [Theory]
    [InlineData("""{"asOf":"2026-03-01"}""", "requestReceived")]
    [InlineData("""{"requestReceived":"2026-02-30"}""", "requestReceived")]
    [InlineData("""{"requestReceived":"05/01/2026"}""", "requestReceived")]
    [InlineData("""{"requestReceived":20260105}""", "requestReceived")]
    [InlineData("""{"requestReceived":"2026-01-05","asOf":"2025-12-01"}""", "asOf")]
    [InlineData("""{"requestReceived":"2026-01-05","events":{}}""", "events")]
    [InlineData("""{"requestReceived":"2026-01-05","events":[{"type":"panelMet","date":"2026-01-20"}]}""", "events[0].type")]
    [InlineData("""{"requestReceived":"2026-01-05","events":[{"date":"2026-01-20"}]}""", "events[0].type")]
    [InlineData("""{"requestReceived":"2026-01-05","events":[42]}""", "events[0]")]
    [InlineData("""{"requestReceived":"2026-01-05","events":[{"type":"decisionToAssess","date":"2026-01-20","outcome":"maybe"}]}""", "events[0].outcome")]
    [InlineData("""{"requestReceived":"2026-01-05","events":[{"type":"exception","kind":"holiday","from":"2026-01-20"}]}""", "events[0].kind")]
    [InlineData("""{"requestReceived":"2026-01-05","events":[{"type":"exception","kind":"absentFromArea","from":"2026-02-20","to":"2026-02-01"}]}""", "events[0].to")]
    [InlineData("""{"requestReceived":"2026-01-05","asOf":"2026-02-01","events":[{"type":"draftPlanServed","date":"2026-03-01"}]}""", "events[0].date")]
    public async Task Statutory_timeline_names_the_field_that_is_wrong(string body, string field)
    {
        var problem = await PostProblem("/api/statutory-timeline", body, HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), $"expected an error for {field}: {problem}");
        Assert.Contains(field, messages[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""[{"type":"finalPlanIssued","date":"2026-03-01"}]""", "events[0]", "cannot issue the final plan")]
    [InlineData("""[{"type":"decisionToAssess","date":"2026-02-10","outcome":"agreed"},{"type":"decisionToIssue","date":"2026-02-01","outcome":"issue"}]""", "events[1]", "before")]
    [InlineData("""[{"type":"withdrawn","date":"2026-01-20"},{"type":"decisionToAssess","date":"2026-02-10","outcome":"agreed"}]""", "events[1]", "closed")]
    [InlineData("""[{"type":"decisionToAssess","date":"2026-02-10","outcome":"refused"},{"type":"draftPlanServed","date":"2026-03-01"}]""", "events[1]", "closed")]
    public async Task Statutory_timeline_rejects_events_the_process_does_not_allow(string events, string field, string expected)
    {
        var problem = await PostProblem(
            "/api/statutory-timeline", $$"""{"requestReceived":"2026-01-05","asOf":"2026-06-01","events":{{events}}}""", HttpStatusCode.BadRequest);

        var message = problem.GetProperty("errors").GetProperty(field)[0].GetString();
        Assert.Contains(expected, message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Annual_review_timeline_counts_the_review_year_and_phase_transfer()
    {
        var json = await PostOk("/api/annual-review-timeline", """
            {"planIssued":"2025-06-10","lastReviewMeeting":null,"reviewMeeting":null,
             "phaseTransfer":{"kind":"school","transferYear":2027},"asOf":"2026-05-01"}
            """);

        var review = Milestone(json, "nextReviewDue");
        Assert.Equal("2026-06-09", review.GetProperty("due").GetString());
        Assert.Equal("pending", review.GetProperty("status").GetString());
        Assert.Equal("2027-02-15", Milestone(json, "phaseTransferDeadline").GetProperty("due").GetString());
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("nextStep").GetString()));
    }

    [Fact]
    public async Task Annual_review_timeline_applies_the_amendment_deadlines()
    {
        var json = await PostOk("/api/annual-review-timeline", """
            {"planIssued":"2024-02-29","reviewMeeting":"2025-02-20","decisionNotified":"2025-03-10",
             "amendmentsProposed":"2025-03-14","phaseTransfer":{"kind":"post16","transferYear":2026},"asOf":"2025-04-01"}
            """);

        Assert.Equal("2025-02-28", Milestone(json, "nextReviewDue").GetProperty("due").GetString());
        Assert.Equal("met", Milestone(json, "decisionDue").GetProperty("status").GetString());
        Assert.Equal("2025-03-28", Milestone(json, "amendmentResponseDeadline").GetProperty("due").GetString());
        Assert.Equal("2025-05-09", Milestone(json, "finalAmendedPlanDue").GetProperty("due").GetString());
        Assert.Equal("2026-03-31", Milestone(json, "phaseTransferDeadline").GetProperty("due").GetString());
    }

    [Theory]
    [InlineData("""{"reviewMeeting":"2026-01-01"}""", "planIssued")]
    [InlineData("""{"planIssued":"2025-06-10","reviewMeeting":"2025-01-01"}""", "reviewMeeting")]
    [InlineData("""{"planIssued":"2025-06-10","decisionNotified":"2026-01-01"}""", "decisionNotified")]
    [InlineData("""{"planIssued":"2025-06-10","reviewMeeting":"2026-05-01","decision":"keep"}""", "decision")]
    [InlineData("""{"planIssued":"2025-06-10","phaseTransfer":{"kind":"university","transferYear":2027}}""", "phaseTransfer.kind")]
    [InlineData("""{"planIssued":"2025-06-10","phaseTransfer":{"kind":"school"}}""", "phaseTransfer.transferYear")]
    [InlineData("""{"planIssued":"2025-06-10","phaseTransfer":"school"}""", "phaseTransfer")]
    public async Task Annual_review_timeline_names_the_field_that_is_wrong(string body, string field)
    {
        var problem = await PostProblem("/api/annual-review-timeline", body, HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"expected an error for {field}: {problem}");
    }

    [Theory]
    [InlineData("2025-12-31", null, "2026-03-02")]
    [InlineData("2026-10-27", null, "2027-01-04")]
    [InlineData("2026-06-10", null, "2026-09-01")]
    [InlineData("2026-01-05", "2026-03-20", "2026-04-20")]
    public async Task Appeal_deadline_applies_the_tribunal_rules(string letter, string? certificate, string expected)
    {
        var certificateJson = certificate is null ? "null" : $"\"{certificate}\"";
        var json = await PostOk("/api/appeal-deadline", $$"""{"decisionLetter":"{{letter}}","mediationCertificate":{{certificateJson}}}""");

        Assert.Equal(expected, json.GetProperty("deadline").GetString());
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("explanation").GetString()));
    }

    [Theory]
    [InlineData("""{}""", "decisionLetter")]
    [InlineData("""{"decisionLetter":"2026-05-01","mediationCertificate":"2026-04-01"}""", "mediationCertificate")]
    [InlineData("""{"decisionLetter":"2031-05-01"}""", "decisionLetter")]
    public async Task Appeal_deadline_names_the_field_that_is_wrong(string body, string field)
    {
        var problem = await PostProblem("/api/appeal-deadline", body, HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"expected an error for {field}: {problem}");
    }

    [Theory]
    [InlineData("2026-12-24", 2, "2026-12-30")]
    [InlineData("2026-12-24", 10, "2027-01-12")]
    [InlineData("2026-04-02", 1, "2026-04-07")]
    [InlineData("2026-04-02", 0, "2026-04-02")]
    public async Task Working_days_skip_weekends_and_bank_holidays(string from, int days, string expected)
    {
        var json = await PostOk("/api/working-days", $$"""{"from":"{{from}}","workingDays":{{days}}}""");

        Assert.Equal(expected, json.GetProperty("date").GetString());
    }

    [Theory]
    [InlineData("""{"workingDays":10}""", "from")]
    [InlineData("""{"from":"2026-01-05"}""", "workingDays")]
    [InlineData("""{"from":"2026-01-05","workingDays":-1}""", "workingDays")]
    [InlineData("""{"from":"2026-01-05","workingDays":2.5}""", "workingDays")]
    [InlineData("""{"from":"2026-01-05","workingDays":"ten"}""", "workingDays")]
    [InlineData("""{"from":"2030-12-20","workingDays":10}""", "from")]
    public async Task Working_days_names_the_field_that_is_wrong(string body, string field)
    {
        var problem = await PostProblem("/api/working-days", body, HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"expected an error for {field}: {problem}");
    }

    [Theory]
    [InlineData("/api/statutory-timeline", "")]
    [InlineData("/api/statutory-timeline", "{not json")]
    [InlineData("/api/statutory-timeline", "[]")]
    [InlineData("/api/annual-review-timeline", "null")]
    [InlineData("/api/appeal-deadline", "\"2026-01-01\"")]
    [InlineData("/api/working-days", "{\"from\":\"2026-01-05\",\"workingDays\":99999999999999999999}")]
    public async Task Malformed_bodies_get_a_problem_not_a_crash(string path, string body)
    {
        var problem = await PostProblem(path, body, HttpStatusCode.BadRequest);

        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.DoesNotContain("Exception", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_oversized_body_is_refused_with_413()
    {
        var events = string.Join(',', Enumerable.Repeat("""{"type":"withdrawn","date":"2026-01-06","reason":"padding padding padding"}""", 2000));
        using var content = new StringContent($$"""{"requestReceived":"2026-01-05","events":[{{events}}]}""", Encoding.UTF8, "application/json");

        using var response = await _client.PostAsync(new Uri("/api/statutory-timeline", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static JsonElement Milestone(JsonElement timeline, string key) =>
        timeline.GetProperty("milestones").EnumerateArray().Single(m => m.GetProperty("key").GetString() == key);

    private async Task<JsonElement> PostOk(string path, string body)
    {
        using var response = await Post(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<JsonElement> PostProblem(string path, string body, HttpStatusCode expected)
    {
        using var response = await Post(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<HttpResponseMessage> Post(string path, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        return await _client.PostAsync(new Uri(path, UriKind.Relative), content);
    }
}
