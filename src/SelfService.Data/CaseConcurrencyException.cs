namespace SelfService.Data;

/// <summary>
/// Someone else changed the case between it being read and this change being saved; nothing of
/// this change was stored. The person should reload the case and try again.
/// </summary>
public sealed class CaseConcurrencyException : Exception
{
    public CaseConcurrencyException(Guid caseId, Exception? innerException = null)
        : base("Someone else changed this case while you were working on it. Reload the case to see their change, then try again.", innerException) =>
        CaseId = caseId;

    public CaseConcurrencyException() : this(Guid.Empty) { }

    public CaseConcurrencyException(string message) : base(message) { }

    public CaseConcurrencyException(string message, Exception innerException) : base(message, innerException) { }

    public Guid CaseId { get; }
}
