namespace SelfService.BotFramework.Integration;

/// <summary>The bot's registration (configuration section <c>Bot</c>), as Bot Builder names the settings.</summary>
public sealed class BotFrameworkOptions
{
    public const string SectionName = "Bot";

    /// <summary>The Azure Bot registration's app id. Without it, inbound authentication is off (Development only).</summary>
    public string? MicrosoftAppId { get; set; }

    /// <summary>The client secret used to get tokens for sending to channels.</summary>
    public string? MicrosoftAppPassword { get; set; }

    /// <summary>For a single-tenant registration, its tenant; empty for multi-tenant.</summary>
    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>The largest activity accepted at the endpoint; larger ones get 413.</summary>
    public int MaxActivityBytes { get; set; } = 256 * 1024;

    public bool HasAppId => !string.IsNullOrWhiteSpace(MicrosoftAppId);
}
