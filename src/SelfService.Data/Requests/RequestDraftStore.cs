using Microsoft.EntityFrameworkCore;
using SelfService.Data.Storage;
using SelfService.Domain.Requests;

namespace SelfService.Data.Requests;

/// <summary>Someone else saved the draft first (another tab, a double click); nothing was stored.</summary>
public sealed class RequestDraftConflictException(Guid draftId, Exception inner)
    : Exception($"Request draft {draftId} was changed by another save.", inner)
{
    public Guid DraftId { get; } = draftId;
}

/// <summary>
/// Drafts and their documents' metadata, always scoped to the owning account: a draft that is not
/// the caller's is reported as not existing. Every change writes an audit entry with it.
/// </summary>
public sealed class RequestDraftStore(CaseStoreDbContext db)
{
    public const string AuditEntityType = "RequestDraft";

    public async Task<RequestDraft> StartAsync(Guid accountId, string actor, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        var draft = RequestDraft.Start(Guid.NewGuid(), accountId, nowUtc);
        db.Set<RequestDraft>().Add(draft);
        Audit(draft.Id, actor, nowUtc, "request.draftStarted");
        await db.SaveChangesAsync(cancellationToken);
        return draft;
    }

    /// <summary>The account's draft, tracked for changes; null if there is none or it is someone else's.</summary>
    public Task<RequestDraft?> FindAsync(Guid draftId, Guid accountId, CancellationToken cancellationToken = default) =>
        db.Set<RequestDraft>().SingleOrDefaultAsync(d => d.Id == draftId && d.AccountId == accountId, cancellationToken);

    public async Task<IReadOnlyList<RequestDraft>> ListAsync(Guid accountId, CancellationToken cancellationToken = default)
    {
        var drafts = await db.Set<RequestDraft>().AsNoTracking().Where(d => d.AccountId == accountId).ToListAsync(cancellationToken);
        return [.. drafts.OrderByDescending(d => d.UpdatedAtUtc)];
    }

    /// <summary>Changes the answers and saves, audited with <paramref name="auditAction"/> (e.g. <c>request.child</c>).</summary>
    /// <exception cref="RequestDraftConflictException">Saved by someone else meanwhile.</exception>
    public async Task SaveAsync(RequestDraft draft, Func<RequestAnswers, RequestAnswers> change, string actor, string auditAction, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        draft.Update(change, nowUtc);
        Audit(draft.Id, actor, nowUtc, auditAction);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            db.ChangeTracker.Clear();
            throw new RequestDraftConflictException(draft.Id, ex);
        }
    }

    /// <summary>Deletes a draft not yet sent, with its documents' metadata; returns the documents so their files can go too.</summary>
    public async Task<IReadOnlyList<RequestDocument>> DeleteAsync(RequestDraft draft, string actor, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.IsSubmitted)
        {
            throw new InvalidOperationException("A request that has been sent cannot be deleted.");
        }

        var documents = await DocumentsAsync(draft.Id, cancellationToken);
        db.Set<RequestDocument>().RemoveRange(documents);
        db.Set<RequestDraft>().Remove(draft);
        Audit(draft.Id, actor, nowUtc, "request.draftDeleted");
        await db.SaveChangesAsync(cancellationToken);
        return documents;
    }

    public async Task<IReadOnlyList<RequestDocument>> DocumentsAsync(Guid draftId, CancellationToken cancellationToken = default)
    {
        var documents = await db.Set<RequestDocument>().Where(d => d.DraftId == draftId).ToListAsync(cancellationToken);
        return [.. documents.OrderBy(d => d.UploadedAtUtc).ThenBy(d => d.FileName, StringComparer.Ordinal)];
    }

    public Task<int> DocumentCountAsync(Guid draftId, CancellationToken cancellationToken = default) =>
        db.Set<RequestDocument>().CountAsync(d => d.DraftId == draftId, cancellationToken);

    public async Task AddDocumentAsync(RequestDraft draft, RequestDocument document, string actor, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(document);
        RequireDraft(draft);
        db.Set<RequestDocument>().Add(document);
        Audit(draft.Id, actor, nowUtc, "request.documentAdded", $"{document.Kind}, {document.SizeBytes} bytes, scan {document.ScanStatus}");
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<RequestDocument?> RemoveDocumentAsync(RequestDraft draft, Guid documentId, string actor, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        RequireDraft(draft);
        var document = await db.Set<RequestDocument>().SingleOrDefaultAsync(d => d.Id == documentId && d.DraftId == draft.Id, cancellationToken);
        if (document is null)
        {
            return null;
        }

        db.Set<RequestDocument>().Remove(document);
        Audit(draft.Id, actor, nowUtc, "request.documentRemoved");
        await db.SaveChangesAsync(cancellationToken);
        return document;
    }

    private static void RequireDraft(RequestDraft draft)
    {
        if (draft.IsSubmitted)
        {
            throw new InvalidOperationException("The documents of a request that has been sent cannot change.");
        }
    }

    private void Audit(Guid draftId, string actor, DateTime nowUtc, string action, string? detail = null) =>
        db.AuditEntries.Add(new AuditEntry(nowUtc, actor, action, AuditEntityType, draftId.ToString()) { Detail = detail });
}
