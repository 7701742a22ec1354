using System.ComponentModel.DataAnnotations;
using SelfService.Web.Email;

namespace SelfService.Web.Chat;

/// <summary>How case updates reach families' chats (section <c>ChatDelivery</c>).</summary>
public sealed class ChatDeliveryOptions
{
    public const string SectionName = "ChatDelivery";

    /// <summary>The worker that posts <c>chat.*</c> outbox messages into families' conversations.</summary>
    public OutboxWorkerOptions Worker { get; set; } = new();

    /// <summary>
    /// How often a message for someone with no conversation yet is looked at again. Starting a
    /// conversation wakes it at once; this only catches a wake-up another instance missed.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan WaitingRecheckInterval { get; set; } = TimeSpan.FromHours(1);
}
