using System.ComponentModel.DataAnnotations;
using SelfService.Web.Email;

namespace SelfService.Web.Chat;

/// <summary>The portal's chat and its proactive case updates (section <c>Chat</c>).</summary>
public sealed class ChatOptions
{
    public const string SectionName = "Chat";

    /// <summary>The session cookie that keeps a signed-out visitor's anonymous chat id, so they can resume.</summary>
    public const string AnonymousCookieName = "selfservice-chat";

    /// <summary>The worker that posts <c>chat.*</c> outbox messages into families' conversations.</summary>
    public OutboxWorkerOptions Delivery { get; set; } = new();

    /// <summary>
    /// How often a message for someone with no conversation yet is looked at again. Starting a
    /// conversation wakes it at once; this only catches a wake-up another instance missed.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan WaitingRecheckInterval { get; set; } = TimeSpan.FromHours(1);
}
