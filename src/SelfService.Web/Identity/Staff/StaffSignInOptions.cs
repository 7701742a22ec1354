using System.Net;
using Microsoft.Extensions.Options;
using SelfService.Domain.People;

namespace SelfService.Web.Identity.Staff;

/// <summary>
/// Staff sign-in through the council's OpenID Provider (section <c>StaffSignIn</c>), usually
/// Microsoft Entra ID. Without an <see cref="Authority"/> staff cannot sign in at all outside
/// Development: there is no fallback to email codes.
/// </summary>
public sealed class StaffSignInOptions
{
    public const string SectionName = "StaffSignIn";

    /// <summary>
    /// The provider's issuer, whose <c>/.well-known/openid-configuration</c> is read, e.g.
    /// <c>https://login.microsoftonline.com/{tenant-id}/v2.0</c>. HTTPS (plain HTTP only on loopback, for tests).
    /// </summary>
    public Uri? Authority { get; set; }

    /// <summary>The application (client) ID registered at the provider; ID tokens must be issued to it.</summary>
    public string? ClientId { get; set; }

    /// <summary>The client secret. Keep it out of files: set it from the environment or a secret store.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Where the provider sends people back to; register <c>{site}{CallbackPath}</c> at the provider.</summary>
    public string CallbackPath { get; set; } = DefaultCallbackPath;

    public const string DefaultCallbackPath = "/staff/sign-in/callback";

    /// <summary>
    /// The site's public address, for the redirect URIs when a proxy in front hides it. Empty: the
    /// address the request came in on.
    /// </summary>
    public Uri? PublicOrigin { get; set; }

    /// <summary>Scopes asked for. Empty: openid, profile and email.</summary>
    public IList<string> Scopes { get; set; } = [];

    /// <summary>Claims of the ID token whose values are looked up in <see cref="RoleMappings"/>. Empty: roles and groups.</summary>
    public IList<string> RoleClaimTypes { get; set; } = [];

    /// <summary>
    /// Claim value (an app role such as <c>SEND.Caseworker</c>, or a group's object ID) to the role
    /// it gives. Someone whose token carries none of these cannot sign in as staff.
    /// </summary>
    public IDictionary<string, StaffRole> RoleMappings { get; } = new Dictionary<string, StaffRole>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Claims tried, in order, for the officer's email address. Empty: email, preferred_username, upn.</summary>
    public IList<string> EmailClaimTypes { get; set; } = [];

    /// <summary>Claims tried, in order, for the person's lasting identifier at the provider. Empty: oid, sub.</summary>
    public IList<string> SubjectClaimTypes { get; set; } = [];

    /// <summary>Where the provider sends people after signing out; register it as a post-logout redirect URI.</summary>
    public string SignedOutRedirect { get; set; } = "/staff/signed-out";

    /// <summary>The team given to an officer signing in for the first time without a staff record.</summary>
    public string NewStaffTeam { get; set; } = "SEND service";

    /// <summary>How long someone has between starting sign-in and coming back from the provider.</summary>
    public TimeSpan StateLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Allowed difference between the provider's clock and ours when checking token lifetimes.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(2);

    public bool IsConfigured => Authority is not null;

    // Lists bound from configuration are appended to, never replaced, so the defaults live here.
    internal IReadOnlyList<string> EffectiveScopes => Scopes.Count > 0 ? [.. Scopes] : ["openid", "profile", "email"];

    internal IReadOnlyList<string> EffectiveRoleClaimTypes => RoleClaimTypes.Count > 0 ? [.. RoleClaimTypes] : ["roles", "groups"];

    internal IReadOnlyList<string> EffectiveEmailClaimTypes => EmailClaimTypes.Count > 0 ? [.. EmailClaimTypes] : ["email", "preferred_username", "upn"];

    internal IReadOnlyList<string> EffectiveSubjectClaimTypes => SubjectClaimTypes.Count > 0 ? [.. SubjectClaimTypes] : ["oid", "sub"];
}

/// <summary>Checked at start-up: a half-configured provider fails the deployment, not the first sign-in.</summary>
public sealed class StaffSignInOptionsValidator : IValidateOptions<StaffSignInOptions>
{
    public ValidateOptionsResult Validate(string? name, StaffSignInOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsConfigured)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        var authority = options.Authority!;
        if (!authority.IsAbsoluteUri || !(authority.Scheme == Uri.UriSchemeHttps || (authority.Scheme == Uri.UriSchemeHttp && IsLoopback(authority))))
        {
            failures.Add("StaffSignIn:Authority must be an absolute https:// address.");
        }

        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            failures.Add("StaffSignIn:ClientId is required.");
        }

        if (string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            failures.Add("StaffSignIn:ClientSecret is required.");
        }

        if (!options.CallbackPath.StartsWith('/') || options.CallbackPath.StartsWith("//", StringComparison.Ordinal))
        {
            failures.Add("StaffSignIn:CallbackPath must be a path on this site, starting with '/'.");
        }

        // A path on this site, or an absolute web address (on Unix "/x" also parses as a file:// URI).
        var signedOutIsPath = options.SignedOutRedirect.StartsWith('/') && !options.SignedOutRedirect.StartsWith("//", StringComparison.Ordinal);
        if (!signedOutIsPath && !(Uri.TryCreate(options.SignedOutRedirect, UriKind.Absolute, out var signedOut) && signedOut.Scheme is "https" or "http"))
        {
            failures.Add("StaffSignIn:SignedOutRedirect must be a path on this site or an absolute address.");
        }

        if (options.PublicOrigin is { } origin && (!origin.IsAbsoluteUri || origin.AbsolutePath != "/"))
        {
            failures.Add("StaffSignIn:PublicOrigin must be an absolute address with no path, e.g. https://send.example.gov.uk.");
        }

        if (!options.EffectiveScopes.Contains("openid"))
        {
            failures.Add("StaffSignIn:Scopes must include openid.");
        }

        if (options.RoleMappings.Count == 0)
        {
            failures.Add("StaffSignIn:RoleMappings must map at least one claim value to a role, or no one could sign in.");
        }

        if (options.RoleMappings.Values.Any(r => !Enum.IsDefined(r)))
        {
            failures.Add("StaffSignIn:RoleMappings values must be Caseworker, ServiceManager or Administrator.");
        }

        if (options.StateLifetime <= TimeSpan.Zero || options.ClockSkew < TimeSpan.Zero)
        {
            failures.Add("StaffSignIn:StateLifetime must be positive and ClockSkew not negative.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip));
}

/// <summary>
/// Demo staff sign in by email code in Development only; anywhere else it would let anyone who
/// can read a staff mailbox act as staff without the council's identity provider.
/// </summary>
public sealed class NoStaffEmailCodesOutsideDevelopment(IHostEnvironment environment) : IValidateOptions<SignInOptions>
{
    public ValidateOptionsResult Validate(string? name, SignInOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.StaffByEmailCode == true && !environment.IsDevelopment()
            ? ValidateOptionsResult.Fail("SignIn:StaffByEmailCode can only be true in Development; staff sign in through StaffSignIn.")
            : ValidateOptionsResult.Success;
    }
}
