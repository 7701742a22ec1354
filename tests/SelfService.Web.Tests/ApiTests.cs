using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace SelfService.Web.Tests;

public abstract class ApiTestsBase(WebAppFactory factory)
{
    protected HttpClient Client { get; } = factory.CreateClient();

    protected static async Task<JsonElement> ReadProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode}: {body}");
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json",
            $"{response.Content.Headers.ContentType}: {body}");
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
        return problem;
    }

    protected static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Malformed_json_body_is_a_400_problem_not_a_500()
    {
        using var body = Json("{not json");

        var response = await Client.PostAsync("/api/test/events", body);

        var problem = await ReadProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("$", out var bodyErrors), errors.ToString());
        Assert.Contains("not valid JSON", bodyErrors[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Value_of_the_wrong_type_is_reported_against_its_json_field_path()
    {
        using var body = Json("""{"events":[{"date":"2026-01-05","type":"request"},{"date":"5th of May","type":"decision"}]}""");

        var response = await Client.PostAsync("/api/test/events", body);

        var problem = await ReadProblemAsync(response, HttpStatusCode.BadRequest);
        var keys = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["events[1].date"], keys);
    }

    [Fact]
    public async Task Well_formed_body_reaches_the_endpoint()
    {
        using var body = Json("""{"events":[{"date":"2026-01-05","type":"request"}]}""");

        var response = await Client.PostAsync("/api/test/events", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("count").GetInt32());
    }
}

public sealed class ApiTests(WebAppFactory factory) : ApiTestsBase(factory), IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task Unknown_api_path_is_a_404_problem_even_for_a_browser()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/no-such-thing");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

        var response = await Client.SendAsync(request);

        var problem = await ReadProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("Not Found", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Unhandled_exception_is_a_500_problem_without_internals()
    {
        var response = await Client.GetAsync("/api/test/throw");

        var problem = await ReadProblemAsync(response, HttpStatusCode.InternalServerError);
        var raw = problem.GetRawText();
        Assert.DoesNotContain(WebAppFactory.SecretExceptionText, raw, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", raw, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", raw, StringComparison.Ordinal);
        Assert.False(problem.TryGetProperty("exception", out _));
    }

    [Fact]
    public async Task Json_body_with_wrong_content_type_is_a_415_problem()
    {
        using var body = new StringContent("{}", Encoding.UTF8, "text/plain");

        var response = await Client.PostAsync("/api/test/events", body);

        await ReadProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }
}

/// <summary>Outside Development minimal APIs would otherwise swallow bad bodies as bare 400s.</summary>
public sealed class ProductionApiTests(ProductionWebAppFactory factory)
    : ApiTestsBase(factory), IClassFixture<ProductionWebAppFactory>;
