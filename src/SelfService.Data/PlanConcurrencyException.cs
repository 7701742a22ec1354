namespace SelfService.Data;

/// <summary>
/// Someone else changed the plan between it being read and this change being saved (or the form
/// was filled in on an older copy of it); nothing of this change was stored.
/// </summary>
public sealed class PlanConcurrencyException : Exception
{
    public PlanConcurrencyException(Guid planId, Exception? innerException = null)
        : base("Someone else changed this plan while you were working on it. Reload the plan to see their change, then try again.", innerException) =>
        PlanId = planId;

    public PlanConcurrencyException() : this(Guid.Empty) { }

    public PlanConcurrencyException(string message) : base(message) { }

    public PlanConcurrencyException(string message, Exception innerException) : base(message, innerException) { }

    public Guid PlanId { get; }
}
