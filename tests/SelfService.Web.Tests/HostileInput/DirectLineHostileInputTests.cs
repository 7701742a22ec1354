using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using SelfService.Web.Tests.DirectLine;

namespace SelfService.Web.Tests.HostileInput;

/// <summary>
/// What the fuzzer found at the Direct Line endpoints, kept fixed on both stores: bodies that name
/// a property twice, are not UTF-8, or are empty get Direct Line's 400 error, and store nothing.
/// </summary>
public abstract class DirectLineHostileInputTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : DirectLineAppFactory
{
    private const string Base = "/v3/directline";

    [Fact]
    public async Task A_token_request_naming_the_user_twice_is_a_400()
    {
        using var client = factory.CreateClient();

        var (status, error) = await SendAsync(client, $"{Base}/tokens/generate", DirectLineAppFactory.Secret,
            Encoding.UTF8.GetBytes("""{"user":{"id":"someone"},"user":{"id":"someone-else"}}"""));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("BadArgument", error.GetProperty("code").GetString());
        Assert.Contains("more than once", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_conversation_start_that_is_not_utf8_is_a_400()
    {
        using var client = factory.CreateClient();
        var body = Encoding.UTF8.GetBytes("""{"user":{"id":"u-1"},"locale":"en-GB#"}""");
        body[Array.LastIndexOf(body, (byte)'#')] = 0xFF;

        var (status, error) = await SendAsync(client, $"{Base}/conversations", DirectLineAppFactory.Secret, body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("The body is not valid UTF-8.", error.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("", "The request has no body.")]
    [InlineData("""{"type":"message","type":"typing","text":"hi"}""", "more than once")]
    [InlineData("""{"type":"message","text":"caf#"}""", "not valid UTF-8")]
    public async Task A_bad_activity_is_a_400_and_nothing_reaches_the_conversation(string json, string reason)
    {
        using var client = factory.CreateClient();
        var (conversationId, token) = await DirectLineAppFactory.GenerateAsync(client, $"hostile-{Guid.NewGuid():N}"[..20]);
        var (started, _) = await SendAsync(client, $"{Base}/conversations", token, []);
        Assert.Equal(HttpStatusCode.Created, started);
        var body = Encoding.UTF8.GetBytes(json);
        if (Array.LastIndexOf(body, (byte)'#') is var at and >= 0)
        {
            body[at] = 0xC3;
        }

        var (status, error) = await SendAsync(client, $"{Base}/conversations/{conversationId}/activities", token, body);
        var (_, page) = await SendAsync(client, $"{Base}/conversations/{conversationId}/activities", token, null);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("BadArgument", error.GetProperty("code").GetString());
        Assert.Contains(reason, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(page.GetProperty("activities").EnumerateArray(), a => a.GetProperty("type").GetString() == "message");
    }

    /// <summary>Posts raw bytes (or GETs, without them); returns the status and the error object or, for a 2xx, the body.</summary>
    private static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpClient client, string path, string token, byte[]? body)
    {
        using var request = new HttpRequestMessage(body is null ? HttpMethod.Get : HttpMethod.Post, path);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode < 500, $"{path} answered {(int)response.StatusCode}: {text}");
        var json = text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default;
        return (response.StatusCode, json.ValueKind == JsonValueKind.Object && json.TryGetProperty("error", out var error) ? error : json);
    }
}

public sealed class SqliteDirectLineHostileInputTests(DirectLineAppFactory factory) : DirectLineHostileInputTests<DirectLineAppFactory>(factory);

public sealed class PostgresDirectLineHostileInputTests(PostgresDirectLineAppFactory factory) : DirectLineHostileInputTests<PostgresDirectLineAppFactory>(factory);
