namespace SelfService.BotFramework.Authentication;

/// <summary>
/// How the bot proves who it is to channels and checks who is calling it. Bound from the
/// <c>Bot</c> configuration section; names follow the Bot Framework SDK's settings so that an
/// existing Azure Bot registration's values can be pasted in.
/// </summary>
public sealed class BotAuthenticationOptions
{
    public const string SectionName = "Bot";

    public const string DefaultOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public const string DefaultTokenIssuer = "https://api.botframework.com";
    public const string DefaultOAuthScope = "https://api.botframework.com/.default";
    public const string DefaultLoginUrlBase = "https://login.microsoftonline.com/";
    public const string DefaultTenant = "botframework.com";

    /// <summary>The bot's Microsoft App ID. Empty means inbound and outbound authentication are off,
    /// which is allowed only in Development (local runs and the Bot Framework Emulator).</summary>
    public string? MicrosoftAppId { get; set; }

    /// <summary>The App ID's client secret, used for client-credentials tokens to channels.</summary>
    public string? MicrosoftAppPassword { get; set; }

    /// <summary>The tenant of a single-tenant bot registration; empty for multi-tenant bots.</summary>
    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>OpenID metadata document whose <c>jwks_uri</c> lists the channels' signing keys.</summary>
    public string ToBotFromChannelOpenIdMetadataUrl { get; set; } = DefaultOpenIdMetadataUrl;

    /// <summary>Issuers accepted on inbound tokens. Empty means <see cref="DefaultTokenIssuer"/>
    /// (a list because arrays bound from configuration append to, not replace, a default).</summary>
    public IList<string> ToBotFromChannelTokenIssuers { get; } = [];

    /// <summary>Authority for outbound tokens. Empty means the Microsoft login authority for
    /// <see cref="MicrosoftAppTenantId"/>, or for <c>botframework.com</c> when there is none.</summary>
    public string? ToChannelFromBotLoginUrl { get; set; }

    /// <summary>Scope of the client-credentials token sent to channels.</summary>
    public string ToChannelFromBotOAuthScope { get; set; } = DefaultOAuthScope;

    /// <summary>Whether MSAL checks the authority against Microsoft's instance discovery. Only a
    /// private cloud or a test authority turns this off.</summary>
    public bool ValidateAuthority { get; set; } = true;

    /// <summary>How often the channel signing keys are fetched again even when nothing asks for it.
    /// At most 23 hours: the metadata manager adds up to 5% jitter and keys must be at most a day old.</summary>
    public TimeSpan SigningKeyRefreshInterval { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Least time between fetches caused by a token naming a key we do not know, so that
    /// forged tokens cannot make us hammer the metadata endpoint.</summary>
    public TimeSpan SigningKeyMinimumRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    internal static readonly TimeSpan MaximumSigningKeyRefreshInterval = TimeSpan.FromHours(23);

    internal bool IsAuthenticationEnabled => !string.IsNullOrWhiteSpace(MicrosoftAppId);

    internal IReadOnlyList<string> EffectiveTokenIssuers =>
        ToBotFromChannelTokenIssuers.Count == 0 ? [DefaultTokenIssuer] : [.. ToBotFromChannelTokenIssuers];

    internal string EffectiveLoginUrl =>
        !string.IsNullOrWhiteSpace(ToChannelFromBotLoginUrl)
            ? ToChannelFromBotLoginUrl
            : DefaultLoginUrlBase + (string.IsNullOrWhiteSpace(MicrosoftAppTenantId) ? DefaultTenant : MicrosoftAppTenantId);
}
