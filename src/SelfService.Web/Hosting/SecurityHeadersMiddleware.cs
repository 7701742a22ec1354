using System.Security.Cryptography;

namespace SelfService.Web.Hosting;

/// <summary>The per-request Content-Security-Policy nonce for inline and module scripts.</summary>
public interface ICspNonceFeature
{
    string Nonce { get; }
}

public static class CspNonceExtensions
{
    /// <summary>The nonce to put on every <c>&lt;script&gt;</c> the page renders.</summary>
    public static string GetCspNonce(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Features.Get<ICspNonceFeature>()?.Nonce
            ?? throw new InvalidOperationException(
                "No CSP nonce: SecurityHeadersMiddleware must run before anything renders a page.");
    }

    /// <summary>
    /// Lets this page's forms lead to <paramref name="origin"/> too (a form whose response redirects
    /// there, such as signing out at an identity provider); every other page keeps <c>'self'</c> only.
    /// </summary>
    public static void AllowFormActionTo(this HttpContext context, string origin)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Items[SecurityHeadersMiddleware.FormActionItem] = origin;
    }
}

/// <summary>
/// Sends the security headers on every response, including error pages and static files.
/// Headers are written when the response starts because the exception handler clears headers
/// set earlier; the nonce lives in a request feature (not a scoped service) so that a page
/// re-executed for an error or 404 renders with the same nonce the header carries.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    internal const string FormActionItem = "SecurityHeaders.FormAction";

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        var feature = new CspNonceFeature(Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)));
        context.Features.Set<ICspNonceFeature>(feature);

        context.Response.OnStarting(
            static state =>
            {
                var (response, nonce) = ((HttpResponse, string))state;
                Apply(response.Headers, nonce, response.HttpContext.Items[FormActionItem] as string);
                return Task.CompletedTask;
            },
            (context.Response, feature.Nonce));

        return next(context);
    }

    internal static string ContentSecurityPolicy(string nonce, string? formActionOrigin = null) =>
        "default-src 'self'; " +
        $"script-src 'self' 'nonce-{nonce}'; " +
        // Web Chat injects its styles as <style> elements carrying the nonce it is given (without it
        // the chat renders unstyled) and shows images it makes itself as blob: URLs, which only
        // script already running in this origin can create. Inline style attributes stay blocked.
        $"style-src 'self' 'nonce-{nonce}'; " +
        "img-src 'self' data: blob:; " +
        "font-src 'self'; " +
        "connect-src 'self'; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        "frame-ancestors 'none'; " +
        "form-action 'self'" + (formActionOrigin is null ? "" : " " + formActionOrigin);

    private static void Apply(IHeaderDictionary headers, string nonce, string? formActionOrigin)
    {
        headers.ContentSecurityPolicy = ContentSecurityPolicy(nonce, formActionOrigin);
        headers.XContentTypeOptions = "nosniff";
        // Case references can appear in URLs; never leak them to other sites.
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        // For browsers that predate frame-ancestors.
        headers.XFrameOptions = "DENY";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
        headers.Remove("Server");
    }

    private sealed record CspNonceFeature(string Nonce) : ICspNonceFeature;
}
