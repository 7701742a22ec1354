using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SelfService.BotFramework.Builder;
using SelfService.Testing;

namespace SelfService.Web.Tests.DirectLine;

/// <summary>The real host with a known Direct Line secret and signing key, and the echo bot.</summary>
public class DirectLineAppFactory : WebAppFactory
{
    public const string Secret = "test-secret-for-the-direct-line-channel";

    /// <summary>32 fixed bytes, so a test can also sign tokens itself (for example an expired one).</summary>
    public const string SigningKey = "c2VsZnNlcnZpY2UtdGVzdC1zaWduaW5nLWtleS0zMmJ5dGVzIQ==";

    public DirectLineEchoBot Bot { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.ConfigureWebHost(builder);
        builder.UseSetting("DirectLine:Secret", Secret);
        builder.UseSetting("DirectLine:TokenSigningKey", SigningKey);
        builder.UseSetting("DirectLine:MaxUploadBytes", "65536");
        builder.UseSetting("DirectLine:MaxActivityBytes", "16384");
        builder.ConfigureTestServices(services => services.AddSingleton<IBot>(Bot));
    }

    public static async Task<(string ConversationId, string Token)> GenerateAsync(HttpClient client, string userId, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/tokens/generate")
        {
            Content = JsonContent.Create(new { user = new { id = userId, name } }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Secret);
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("conversationId").GetString()!, body.GetProperty("token").GetString()!);
    }
}

public sealed class PostgresDirectLineAppFactory : DirectLineAppFactory, IAsyncLifetime
{
    private PostgresScratchDatabase? _database;

    public async Task InitializeAsync() => _database = await PostgresScratchDatabase.CreateAsync("selfservice_dl");

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Database:Provider", "Postgres");
        builder.UseSetting("ConnectionStrings:CaseStore", _database?.ConnectionString);
    }
}
