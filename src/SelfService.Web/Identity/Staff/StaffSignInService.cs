using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace SelfService.Web.Identity.Staff;

/// <summary>Every way a staff sign-in can fail short of a bug; each has its own page and log line.</summary>
public enum StaffSignInProblem
{
    None,
    NotConfigured,
    ProviderUnavailable,
    Denied,
    ProviderError,
    NoSignInInProgress,
    StateMismatch,
    Expired,
    Replayed,
    TokenRequestFailed,
    TokenInvalid,
    NoRole,
    NoIdentity,
    AddressChanged,
    AddressHeldByAnother,
}

public sealed record StaffSignInStep(StaffSignInProblem Problem, string? RedirectTo = null)
{
    public bool Succeeded => Problem == StaffSignInProblem.None;

    public static StaffSignInStep Failed(StaffSignInProblem problem) => new(problem);

    public static StaffSignInStep Redirect(string to) => new(StaffSignInProblem.None, to);
}

/// <summary>
/// The authorisation-code flow with PKCE against the council's OpenID Provider, by hand (see ADR
/// 0017): the request with state, nonce and an S256 challenge; the callback's checks; the code
/// exchange at the token endpoint; the ID token's validation; roles from its claims; and the
/// portal session. Tokens are never logged.
/// </summary>
public sealed partial class StaffSignInService(
    IOptions<StaffSignInOptions> options,
    OpenIdProviderMetadata metadata,
    IdTokenValidator validator,
    StaffSignInStateCookie stateCookie,
    StaffAccountLinker linker,
    IHttpClientFactory httpClients,
    IMemoryCache usedStates,
    TimeProvider time,
    ILogger<StaffSignInService> logger)
{
    public bool IsConfigured => options.Value.IsConfigured;

    /// <summary>Starts a sign-in: remembers state, nonce and verifier, and gives the provider's authorisation address.</summary>
    public async Task<StaffSignInStep> BeginAsync(HttpContext context, string? returnUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!IsConfigured)
        {
            return StaffSignInStep.Failed(StaffSignInProblem.NotConfigured);
        }

        var provider = await MetadataAsync(cancellationToken);
        if (provider is null)
        {
            return StaffSignInStep.Failed(StaffSignInProblem.ProviderUnavailable);
        }

        var settings = options.Value;
        var pending = PendingStaffSignIn.Start(returnUrl, time.GetUtcNow());
        stateCookie.Write(context, pending);
        var url = QueryHelpers.AddQueryString(provider.AuthorizationEndpoint, new Dictionary<string, string?>
        {
            ["client_id"] = settings.ClientId,
            ["response_type"] = "code",
            ["response_mode"] = "query",
            ["scope"] = string.Join(' ', settings.EffectiveScopes),
            ["redirect_uri"] = AbsoluteUrl(context, settings.CallbackPath),
            ["state"] = pending.State,
            ["nonce"] = pending.Nonce,
            ["code_challenge"] = pending.CodeChallenge,
            ["code_challenge_method"] = "S256",
        });
        return StaffSignInStep.Redirect(url);
    }

    /// <summary>Handles the provider's redirect back; on success the portal session is signed in.</summary>
    public async Task<StaffSignInStep> CompleteAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!IsConfigured)
        {
            return StaffSignInStep.Failed(StaffSignInProblem.NotConfigured);
        }

        var pending = stateCookie.Read(context);
        stateCookie.Clear(context);
        var query = context.Request.Query;
        var settings = options.Value;

        if (pending is null)
        {
            return Refuse(StaffSignInProblem.NoSignInInProgress, "no sign-in was in progress in this browser (no or unreadable state cookie)");
        }

        if (!pending.StateMatches(query["state"]))
        {
            return Refuse(StaffSignInProblem.StateMismatch, "the state returned is not the one this browser sent");
        }

        if (time.GetUtcNow() - pending.StartedAt > settings.StateLifetime)
        {
            return Refuse(StaffSignInProblem.Expired, "the sign-in was started too long ago");
        }

        // A state is good for one callback, even if its cookie and the callback address are copied.
        var stateKey = "staff-sign-in-state:" + pending.State;
        if (usedStates.TryGetValue(stateKey, out _))
        {
            return Refuse(StaffSignInProblem.Replayed, "this sign-in's callback has already been used");
        }

        usedStates.Set(stateKey, true, settings.StateLifetime + settings.ClockSkew);

        if (query["error"].ToString() is { Length: > 0 } error)
        {
            return error == "access_denied"
                ? Refuse(StaffSignInProblem.Denied, "the provider answered access_denied")
                : Refuse(StaffSignInProblem.ProviderError, $"the provider answered with error '{Sanitise(error)}'");
        }

        var provider = await MetadataAsync(cancellationToken);
        if (provider is null)
        {
            return StaffSignInStep.Failed(StaffSignInProblem.ProviderUnavailable);
        }

        // RFC 9207: a provider that names itself in the response must name itself.
        if (query["iss"].ToString() is { Length: > 0 } iss && !string.Equals(iss, provider.Issuer, StringComparison.Ordinal))
        {
            return Refuse(StaffSignInProblem.TokenInvalid, "the authorisation response came from a different issuer");
        }

        if (query["code"].ToString() is not { Length: > 0 } code)
        {
            return Refuse(StaffSignInProblem.ProviderError, "the provider's response had neither a code nor an error");
        }

        var tokens = await RedeemCodeAsync(provider.TokenEndpoint, code, pending, AbsoluteUrl(context, settings.CallbackPath), cancellationToken);
        if (tokens?.IdToken is not { Length: > 0 } idToken)
        {
            return StaffSignInStep.Failed(StaffSignInProblem.TokenRequestFailed);
        }

        IdTokenCheck check;
        try
        {
            check = await validator.ValidateAsync(idToken, pending.Nonce, tokens.AccessToken, cancellationToken);
        }
        catch (ProviderMetadataException e)
        {
            LogMetadataUnavailable(logger, e.Message, e.InnerException?.GetType().Name ?? "none");
            return StaffSignInStep.Failed(StaffSignInProblem.ProviderUnavailable);
        }

        if (!check.IsValid)
        {
            return Refuse(StaffSignInProblem.TokenInvalid, check.Refusal!);
        }

        var identity = check.Identity!;
        var roles = StaffRoleMapping.RolesOf(identity, settings);
        if (roles.Count == 0)
        {
            return Refuse(StaffSignInProblem.NoRole, "the ID token carries no role or group mapped in StaffSignIn:RoleMappings");
        }

        var subject = FirstClaim(identity, settings.EffectiveSubjectClaimTypes);
        var email = FirstClaim(identity, settings.EffectiveEmailClaimTypes, c => c.Contains('@', StringComparison.Ordinal));
        if (subject is null || email is null)
        {
            return Refuse(StaffSignInProblem.NoIdentity, "the ID token has no subject or no email address");
        }

        var name = identity.FindFirst("name")?.Value is { Length: > 0 } given ? given.Trim() : email;
        var link = await linker.LinkAsync(new VerifiedStaffPerson(provider.Issuer, subject, email, name, roles[0]), cancellationToken);
        if (link.Outcome != StaffLinkOutcome.Linked)
        {
            return Refuse(
                link.Outcome == StaffLinkOutcome.AddressChanged ? StaffSignInProblem.AddressChanged : StaffSignInProblem.AddressHeldByAnother,
                $"the provider's account and the portal account do not match ({link.Outcome})");
        }

        var principal = PortalClaims.For(link.Account!, time.GetUtcNow());
        StaffSessionClaims.AddTo(principal, link.StaffMemberId, roles, idToken);
        await context.SignInAsync(PortalClaims.Scheme, principal);
        LogSignedIn(logger, link.StaffMemberId, roles[0]);
        return StaffSignInStep.Redirect(pending.ReturnUrl ?? "/staff");
    }

    /// <summary>
    /// The provider's end-session address for the ID token of a staff session (RP-Initiated Logout),
    /// or null when there is none to go to.
    /// </summary>
    public async Task<string?> EndSessionUrlAsync(HttpContext context, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!IsConfigured || StaffSessionClaims.IdTokenOf(principal) is not { } idToken)
        {
            return null;
        }

        var provider = await MetadataAsync(cancellationToken);
        if (provider is null || string.IsNullOrEmpty(provider.EndSessionEndpoint))
        {
            return null;
        }

        var settings = options.Value;
        var signedOut = settings.SignedOutRedirect.StartsWith('/') ? AbsoluteUrl(context, settings.SignedOutRedirect) : settings.SignedOutRedirect;
        return QueryHelpers.AddQueryString(provider.EndSessionEndpoint, new Dictionary<string, string?>
        {
            ["id_token_hint"] = idToken,
            ["client_id"] = settings.ClientId,
            ["post_logout_redirect_uri"] = signedOut,
        });
    }

    /// <summary>The origin of the provider's end-session endpoint, which the sign-out form must be allowed to reach.</summary>
    public async Task<string?> EndSessionOriginAsync(CancellationToken cancellationToken)
    {
        var provider = IsConfigured ? await MetadataAsync(cancellationToken) : null;
        return Uri.TryCreate(provider?.EndSessionEndpoint, UriKind.Absolute, out var endpoint) ? endpoint.GetLeftPart(UriPartial.Authority) : null;
    }

    private async Task<Microsoft.IdentityModel.Protocols.OpenIdConnect.OpenIdConnectConfiguration?> MetadataAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await metadata.GetAsync(cancellationToken);
        }
        catch (ProviderMetadataException e)
        {
            LogMetadataUnavailable(logger, e.Message, e.InnerException?.GetType().Name ?? "none");
            return null;
        }
    }

    private async Task<TokenResponse?> RedeemCodeAsync(string tokenEndpoint, string code, PendingStaffSignIn pending, string redirectUri, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = redirectUri,
            ["code_verifier"] = pending.CodeVerifier,
            ["client_id"] = settings.ClientId!,
            ["client_secret"] = settings.ClientSecret!,
        });
        try
        {
            using var response = await httpClients.CreateClient(OpenIdProviderMetadata.HttpClientName).PostAsync(new Uri(tokenEndpoint), form, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                // The OAuth error code says what went wrong (invalid_grant for a used code, invalid_client
                // for a wrong secret); the rest of the body is not logged.
                var failure = await ReadErrorAsync(response, cancellationToken);
                LogTokenRequestFailed(logger, (int)response.StatusCode, failure);
                return null;
            }

            return await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or System.Text.Json.JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogTokenRequestFailed(logger, 0, e.GetType().Name);
            return null;
        }
    }

    private static async Task<string> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken);
            return Sanitise(body?.Error ?? "no error code");
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or NotSupportedException)
        {
            return "no error code";
        }
    }

    private StaffSignInStep Refuse(StaffSignInProblem problem, string reason)
    {
        LogRefused(logger, problem, reason);
        return StaffSignInStep.Failed(problem);
    }

    private static string? FirstClaim(ClaimsIdentity identity, IReadOnlyList<string> types, Func<string, bool>? accept = null) =>
        types.Select(t => identity.FindFirst(t)?.Value).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v) && (accept is null || accept(v)));

    private string AbsoluteUrl(HttpContext context, string path)
    {
        var origin = options.Value.PublicOrigin is { } configured
            ? configured.GetLeftPart(UriPartial.Authority)
            : $"{context.Request.Scheme}://{context.Request.Host}";
        return origin + context.Request.PathBase + path;
    }

    // Only short codes from the provider go into logs; never anything that could carry a token.
    private static string Sanitise(string value) =>
        new(value.Take(64).Where(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.').ToArray());

    [LoggerMessage(Level = LogLevel.Warning, Message = "Staff sign-in refused ({Problem}): {Reason}")]
    private static partial void LogRefused(ILogger logger, StaffSignInProblem problem, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Staff sign-in: {Message} (cause: {Cause})")]
    private static partial void LogMetadataUnavailable(ILogger logger, string message, string cause);

    [LoggerMessage(Level = LogLevel.Error, Message = "Staff sign-in: the token endpoint refused the code or could not be reached (status {Status}, {Error})")]
    private static partial void LogTokenRequestFailed(ILogger logger, int status, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Staff member {StaffMemberId} signed in through the identity provider as {Role}")]
    private static partial void LogSignedIn(ILogger logger, Guid staffMemberId, SelfService.Domain.People.StaffRole role);

    private sealed record TokenResponse(
        [property: JsonPropertyName("id_token")] string? IdToken,
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("error")] string? Error);
}
