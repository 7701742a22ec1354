using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace SelfService.Web.Tests.HostileInput;

/// <summary>
/// What the fuzzer found at the calculator API, kept fixed: bodies that are not UTF-8 or name a
/// field twice, and dates far outside any real case, are ProblemDetails 400s, not 500s.
/// </summary>
public sealed class CalculatorHostileInputTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private async Task<(HttpStatusCode Status, JsonElement Problem)> PostAsync(string path, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await factory.CreateClient().PostAsync(new Uri(path, UriKind.Relative), content);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    [Fact]
    public async Task A_date_that_is_not_utf8_is_a_400_problem()
    {
        var body = Encoding.UTF8.GetBytes("""{"decisionLetter":"2026-01-05","mediationCertificate":"2026-02-0#"}""");
        body[Array.LastIndexOf(body, (byte)'#')] = 0xFF;

        var (status, problem) = await PostAsync("/api/appeal-deadline", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("The request body is not valid UTF-8", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_field_given_twice_is_a_400_problem()
    {
        var (status, problem) = await PostAsync("/api/working-days", Encoding.UTF8.GetBytes("""{"from":"2026-01-05","workingDays":10,"workingDays":300}"""));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("The request body is not valid JSON", problem.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("/api/statutory-timeline", """{"requestReceived":"9999-12-30","asOf":"9999-12-31"}""", "requestReceived")]
    [InlineData("/api/annual-review-timeline", """{"planIssued":"9999-12-31","asOf":"9999-12-31"}""", "planIssued")]
    [InlineData("/api/statutory-timeline", """{"requestReceived":"0001-01-01","asOf":"0001-01-02"}""", "requestReceived")]
    public async Task A_date_at_the_end_of_the_calendar_is_a_400_naming_the_field(string path, string json, string field)
    {
        var (status, problem) = await PostAsync(path, Encoding.UTF8.GetBytes(json));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var message = Assert.Single(problem.GetProperty("errors").GetProperty(field).EnumerateArray()).GetString();
        Assert.Equal($"{field} must be a date from 1900-01-01 to 2199-12-31.", message);
    }
}
