using SelfService.Domain.Common;

namespace SelfService.Domain.Requests;

public enum RequestDraftStatus
{
    Draft,
    Submitted,
}

/// <summary>
/// A request for an EHC needs assessment being written by one signed-in account. It survives
/// signing out, and is sent at most once: sending records the case it became.
/// </summary>
public sealed class RequestDraft
{
    private RequestDraft(Guid id, Guid accountId, DateTime createdAtUtc)
    {
        Id = id;
        AccountId = accountId;
        CreatedAtUtc = createdAtUtc;
        UpdatedAtUtc = createdAtUtc;
    }

    public Guid Id { get; private set; }

    /// <summary>The account that owns the draft; nobody else may see or change it.</summary>
    public Guid AccountId { get; private set; }

    public RequestDraftStatus Status { get; private set; }

    public RequestAnswers Answers { get; private set; } = RequestAnswers.Empty;

    /// <summary>Optimistic concurrency: bumped on every change, so two tabs (or a double click) cannot both win.</summary>
    public int Version { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    public DateTime? SubmittedAtUtc { get; private set; }

    public Guid? CaseId { get; private set; }

    public string? CaseReference { get; private set; }

    public bool IsSubmitted => Status == RequestDraftStatus.Submitted;

    public static RequestDraft Start(Guid id, Guid accountId, DateTime nowUtc)
    {
        if (accountId == Guid.Empty)
        {
            throw new ArgumentException("A draft belongs to a signed-in account.", nameof(accountId));
        }

        return new RequestDraft(id, accountId, nowUtc);
    }

    public void Update(Func<RequestAnswers, RequestAnswers> change, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(change);
        RequireDraft();
        Answers = change(Answers);
        UpdatedAtUtc = nowUtc;
        Version++;
    }

    /// <summary>Records the case the draft became; the draft can then no longer change.</summary>
    public void MarkSubmitted(Guid caseId, string reference, DateTime nowUtc, DateOnly today)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        RequireDraft();
        var problems = RequestReadiness.Problems(Answers, today);
        if (problems.Count > 0)
        {
            throw new DomainException("request.incomplete", problems[0].Message);
        }

        if (Answers.Declaration is not { Confirmed: true })
        {
            throw new DomainException("request.notDeclared", "The declaration must be confirmed before the request is sent.");
        }

        Status = RequestDraftStatus.Submitted;
        CaseId = caseId;
        CaseReference = reference;
        SubmittedAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
        Version++;
    }

    private void RequireDraft()
    {
        if (IsSubmitted)
        {
            throw new DomainException("request.alreadySubmitted", $"This request has already been sent as {CaseReference}.");
        }
    }
}
