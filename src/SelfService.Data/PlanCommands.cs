using Microsoft.EntityFrameworkCore;
using SelfService.Data.Storage;
using SelfService.Domain.Assessments;
using SelfService.Domain.Plans;

namespace SelfService.Data;

/// <summary>
/// The one way to change a plan in place, as <see cref="CaseCommands"/> is for cases: apply the
/// domain change, then store the plan, an audit entry and any notifications together, or none.
/// </summary>
public sealed class PlanCommands(CaseStoreDbContext db)
{
    /// <summary>
    /// Loads the plan with its reviews, applies <paramref name="change"/> (which throws a
    /// <see cref="Domain.Common.DomainException"/> if it is not allowed now, storing nothing, and
    /// otherwise answers the detail for the audit entry) and saves.
    /// </summary>
    /// <param name="expectedVersion">
    /// The version the person was looking at when they chose the change; a different stored
    /// version means someone else has changed the plan since, so nothing is stored.
    /// </param>
    /// <exception cref="KeyNotFoundException">There is no such plan.</exception>
    /// <exception cref="PlanConcurrencyException">Someone else changed the plan meanwhile; nothing was stored.</exception>
    public async Task<EhcPlan> ExecuteAsync(
        Guid planId,
        int? expectedVersion,
        Recording recording,
        Func<EhcPlan, string?> change,
        string auditAction,
        IEnumerable<OutboxMessage>? notifications = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recording);
        ArgumentNullException.ThrowIfNull(change);
        ArgumentException.ThrowIfNullOrWhiteSpace(auditAction);
        var plan = await db.EhcPlans.WithReviews().SingleOrDefaultAsync(p => p.Id == planId, cancellationToken)
            ?? throw new KeyNotFoundException($"There is no plan with id {planId}.");
        if (expectedVersion is { } expected && expected != plan.Version)
        {
            db.ChangeTracker.Clear();
            throw new PlanConcurrencyException(planId);
        }

        string? auditDetail;
        try
        {
            auditDetail = change(plan);
        }
        catch
        {
            // The rejected change may have half-touched the tracked plan; this context must not save it later.
            db.ChangeTracker.Clear();
            throw;
        }

        db.AuditEntries.Add(AuditEntry.ForPlan(plan.Id, plan.AssessmentCaseId, recording.AtUtc, recording.By, auditAction, auditDetail));
        db.OutboxMessages.AddRange(notifications ?? []);
        try
        {
            // One SaveChanges is one transaction: the plan, its reviews, the audit entry and the outbox rows.
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            db.ChangeTracker.Clear();
            throw new PlanConcurrencyException(planId, ex);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            throw;
        }

        return plan;
    }
}
