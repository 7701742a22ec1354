namespace SelfService.Web.Email;

/// <summary>Wakes the outbox worker as soon as something urgent (a sign-in code) is stored.</summary>
public sealed class OutboxSignal : WakeSignal;
