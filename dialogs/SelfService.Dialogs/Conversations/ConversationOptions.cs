namespace SelfService.Dialogs.Conversations;

/// <summary>What the bot says about the council and where it links to (section "Conversations", filled in by the host).</summary>
public sealed class ConversationOptions
{
    public const string SectionName = "Conversations";

    public string CouncilName { get; set; } = "the council";

    /// <summary>The SEND team's inbox: "talk to a person" goes here when a case has no caseworker.</summary>
    public string SendTeamEmail { get; set; } = string.Empty;

    /// <summary>The portal's public address, so links work outside the portal (Teams); unset: links are relative to the portal.</summary>
    public Uri? PortalBaseUrl { get; set; }

    /// <summary>Longer messages get a polite refusal rather than being read.</summary>
    public int MaxMessageLength { get; set; } = 1000;

    /// <summary>How many lines of the conversation are kept for "talk to a person".</summary>
    public int TranscriptLines { get; set; } = 40;

    public string Link(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return PortalBaseUrl is null ? path : new Uri(PortalBaseUrl, path).ToString();
    }
}
