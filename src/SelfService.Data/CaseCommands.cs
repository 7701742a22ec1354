using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SelfService.Data.Storage;
using SelfService.Domain.Assessments;

namespace SelfService.Data;

/// <summary>
/// The one way to change a case: apply the domain change, then store the new events, an audit
/// entry and any notifications together, or none of them.
/// </summary>
public sealed class CaseCommands(CaseStoreDbContext db)
{
    /// <summary>Opens a case for a new request; throws <see cref="Domain.Common.DomainException"/> if the request is not valid.</summary>
    public async Task<AssessmentCase> OpenAsync(
        Guid caseId,
        string reference,
        Guid childId,
        RequestReceived request,
        Recording recording,
        IEnumerable<OutboxMessage>? notifications = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recording);
        var opened = AssessmentCase.Open(caseId, reference, childId, request, recording);
        db.AssessmentCases.Add(opened);
        Record(opened.Id, recording, "case.opened", notifications);
        await SaveAsync(opened.Id, cancellationToken);
        return opened;
    }

    /// <summary>
    /// Loads the case with its history, applies <paramref name="change"/> (which throws a
    /// <see cref="Domain.Common.DomainException"/> if it is not allowed now, storing nothing) and saves.
    /// </summary>
    /// <exception cref="KeyNotFoundException">There is no such case.</exception>
    /// <exception cref="CaseConcurrencyException">Someone else changed the case meanwhile; nothing was stored.</exception>
    public async Task<AssessmentCase> ExecuteAsync(
        Guid caseId,
        Recording recording,
        Action<AssessmentCase> change,
        string auditAction,
        IEnumerable<OutboxMessage>? notifications = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recording);
        ArgumentNullException.ThrowIfNull(change);
        var assessmentCase = await db.AssessmentCases
            .WithEvents()
            .SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken)
            ?? throw new KeyNotFoundException($"There is no case with id {caseId}.");

        try
        {
            change(assessmentCase);
        }
        catch
        {
            // The rejected change may have half-touched the tracked case; this context must not save it later.
            db.ChangeTracker.Clear();
            throw;
        }

        Record(caseId, recording, auditAction, notifications);
        await SaveAsync(caseId, cancellationToken);
        return assessmentCase;
    }

    private void Record(Guid caseId, Recording recording, string auditAction, IEnumerable<OutboxMessage>? notifications)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(auditAction);
        db.AuditEntries.Add(AuditEntry.ForCase(caseId, recording.AtUtc, recording.By, auditAction));
        db.OutboxMessages.AddRange(notifications ?? []);
    }

    /// <summary>One SaveChanges is one transaction, so the events, audit entry and outbox rows commit together.</summary>
    private async Task SaveAsync(Guid caseId, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            // Whatever failed, nothing was stored; the tracked copies no longer match the database.
            db.ChangeTracker.Clear();

            // Depending on statement order a race shows as a stale version or as two events
            // claiming the same place in the history: the same conflict either way.
            if (ex is DbUpdateConcurrencyException || IsEventSequenceClash(ex))
            {
                throw new CaseConcurrencyException(caseId, ex);
            }

            throw;
        }
    }

    private static bool IsEventSequenceClash(DbUpdateException ex) => ex.InnerException switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation && pg.ConstraintName == EventSequenceIndex,
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode == SqliteUniqueConstraint && sqlite.Message.Contains("CaseEvents.CaseId", StringComparison.Ordinal),
        _ => false,
    };

    private const string EventSequenceIndex = "IX_CaseEvents_CaseId_Sequence";

    /// <summary>SQLITE_CONSTRAINT_UNIQUE.</summary>
    private const int SqliteUniqueConstraint = 2067;
}
