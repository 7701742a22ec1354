namespace SelfService.BotFramework.DirectLine;

/// <summary>Settings of the Direct Line 3.0 channel, bound from the <c>DirectLine</c> section.</summary>
public sealed class DirectLineOptions
{
    public const string SectionName = "DirectLine";

    /// <summary>
    /// The server-side secret: mints tokens (<c>tokens/generate</c>) and may call any endpoint.
    /// Never sent to a browser. Empty means only in-process callers can mint tokens.
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>
    /// Base64 key (at least 32 bytes) that signs tokens. Every instance serving the same
    /// conversations needs the same key; the host supplies a generated one when it is unset.
    /// </summary>
    public string? TokenSigningKey { get; set; }

    /// <summary>The bot's account in every conversation (<c>recipient</c> of what users send, <c>from</c> of replies).</summary>
    public string BotId { get; set; } = "selfservice-bot";

    public string BotName { get; set; } = "SEND Self-Service";

    /// <summary>How long a conversation token lasts; <c>tokens/refresh</c> issues a new one.</summary>
    public int TokenLifetimeMinutes { get; set; } = 30;

    /// <summary>How long the token inside a <c>streamUrl</c> may be used to open the WebSocket.</summary>
    public int StreamTokenLifetimeSeconds { get; set; } = 120;

    /// <summary>How long the signed address of an uploaded file works without a bearer token.</summary>
    public int AttachmentUrlLifetimeHours { get; set; } = 24;

    /// <summary>Seconds between the empty keep-alive frames the server sends on an open stream.</summary>
    public int KeepAliveSeconds { get; set; } = 15;

    /// <summary>Largest activity body accepted by <c>POST …/activities</c>, in bytes.</summary>
    public int MaxActivityBytes { get; set; } = 256 * 1024;

    /// <summary>Largest upload (all parts together), in bytes.</summary>
    public long MaxUploadBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Most files in one upload.</summary>
    public int MaxFilesPerUpload { get; set; } = 5;

    /// <summary>Content types a user may upload; anything else is refused with 415.</summary>
    public IList<string> AllowedUploadContentTypes { get; } =
    [
        "image/png",
        "image/jpeg",
        "image/gif",
        "application/pdf",
        "text/plain",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ];

    /// <summary>Most activities returned by one poll; the watermark lets the client fetch the rest.</summary>
    public int MaxActivitiesPerPoll { get; set; } = 100;

    /// <summary>Open streams allowed on one conversation; opening another closes the oldest.</summary>
    public int MaxStreamsPerConversation { get; set; } = 2;

    /// <summary>Conversations idle for longer than this are deleted with their activities and files. 0 keeps them forever.</summary>
    public int TranscriptRetentionDays { get; set; } = 30;

    /// <summary>Minutes between runs of the retention purge.</summary>
    public int PurgeIntervalMinutes { get; set; } = 60;

    internal TimeSpan TokenLifetime => TimeSpan.FromMinutes(TokenLifetimeMinutes);

    internal TimeSpan StreamTokenLifetime => TimeSpan.FromSeconds(StreamTokenLifetimeSeconds);

    internal TimeSpan AttachmentUrlLifetime => TimeSpan.FromHours(AttachmentUrlLifetimeHours);
}
