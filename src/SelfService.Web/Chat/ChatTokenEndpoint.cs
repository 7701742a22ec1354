using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using SelfService.BotFramework.DirectLine;
using SelfService.Web.Identity;

namespace SelfService.Web.Chat;

/// <summary>
/// <c>POST /chat/token</c>: the portal's pages get a Direct Line token for whoever is using them,
/// minted in-process, so the Direct Line secret never leaves the server. The token names the
/// user (<c>u:{account}</c> signed in, <c>anon:{random}</c> signed out), and Direct Line holds
/// every call to that user, so the bot can trust it. Same-origin and antiforgery-protected:
/// another site cannot get a token for a visitor's session.
/// </summary>
public static class ChatTokenEndpoint
{
    public const string Path = "/chat/token";

    /// <summary>The session cookie that keeps a signed-out visitor's anonymous chat id, so they can resume.</summary>
    public const string AnonymousCookieName = "selfservice-chat";

    public static IEndpointConventionBuilder MapChatToken(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapPost(Path, MintAsync).DisableAntiforgery().ExcludeFromDescription();
    }

    private static async Task<IResult> MintAsync(
        HttpContext context,
        [FromServices] IAntiforgery antiforgery,
        [FromServices] IPortalUser user,
        [FromServices] DirectLineTokens tokens,
        [FromServices] IDirectLineStore conversations)
    {
        context.Response.Headers.CacheControl = "no-store";
        if (!IsSameOrigin(context.Request))
        {
            return Problem(StatusCodes.Status403Forbidden, "Chat tokens are only for this website's own pages.");
        }

        // Checked here, not by the middleware, so a stale page gets a ProblemDetails it can act on.
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Problem(StatusCodes.Status400BadRequest, "The page has expired. Reload it to use the chat.");
        }

        var userId = user.IsSignedIn ? ChatUsers.ForAccount(user.AccountId) : AnonymousId(context);
        var resumeId = await ReadConversationIdAsync(context.Request, context.RequestAborted);

        // Resuming is only for the conversation's own user: after signing out (or in), an old
        // conversation id gets a fresh conversation, never a token for the old one.
        if (resumeId is not null
            && await conversations.FindConversationAsync(resumeId, context.RequestAborted) is { } existing
            && string.Equals(existing.UserId, userId, StringComparison.Ordinal))
        {
            var token = tokens.IssueConversationToken(userId, null, existing.Id);
            return Results.Json(new ChatToken(existing.Id, token, tokens.ExpiresInSeconds, userId, user.IsSignedIn, Resumed: true));
        }

        var generated = tokens.Generate(userId, null);
        return Results.Json(new ChatToken(generated.ConversationId, generated.Token, generated.ExpiresIn, userId, user.IsSignedIn, Resumed: false));
    }

    private static string AnonymousId(HttpContext context)
    {
        if (context.Request.Cookies.TryGetValue(AnonymousCookieName, out var kept) && ChatUsers.IsWellFormedAnonymous(kept))
        {
            return kept!;
        }

        var id = ChatUsers.NewAnonymous();
        // A session cookie: the visitor can resume while the browser is open, and no longer.
        context.Response.Cookies.Append(AnonymousCookieName, id, new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            Path = "/",
            IsEssential = true,
        });
        return id;
    }

    private static async Task<string?> ReadConversationIdAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is 0 || request.HasFormContentType || !(request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) ?? false))
        {
            return null;
        }

        try
        {
            var body = await request.ReadFromJsonAsync<ResumeRequest>(cancellationToken);
            return body?.ConversationId is { Length: > 0 and <= 100 } id ? id : null;
        }
        catch (System.Text.Json.JsonException)
        {
            // A garbled body only means "nothing to resume".
            return null;
        }
    }

    /// <summary>
    /// Browsers send Origin on every cross-site POST; when present it must be this site. Sec-Fetch-Site
    /// says the same where supported. Antiforgery is the real defence; this refuses early and plainly.
    /// </summary>
    private static bool IsSameOrigin(HttpRequest request)
    {
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0 && fetchSite is not ("same-origin" or "none"))
        {
            return false;
        }

        var origin = request.Headers.Origin.ToString();
        return origin.Length == 0 || string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase);
    }

    private static IResult Problem(int status, string detail) => Results.Problem(new ProblemDetails { Status = status, Detail = detail });

    private sealed record ResumeRequest([property: JsonPropertyName("conversationId")] string? ConversationId);
}

/// <summary>What the page gets: everything Web Chat needs, and nothing that could mint another token.</summary>
public sealed record ChatToken(
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("expiresIn")] int ExpiresIn,
    [property: JsonPropertyName("userId")] string UserId,
    [property: JsonPropertyName("signedIn")] bool SignedIn,
    [property: JsonPropertyName("resumed")] bool Resumed);
