using SelfService.Web.Email;

namespace SelfService.Web.Chat;

/// <summary>Wakes the chat delivery worker when a family may now be reachable (they opened a conversation).</summary>
public sealed class ChatDeliverySignal : WakeSignal;
