namespace SelfService.Data.Storage;

/// <summary>
/// One line of the audit trail: who did what, when, to which record. Append-only; it has no
/// foreign key to the case so the trail outlives anything it describes.
/// </summary>
public sealed class AuditEntry
{
    public AuditEntry(DateTime atUtc, string actor, string action, string entityType, string entityId)
    {
        AtUtc = atUtc.Kind == DateTimeKind.Utc ? atUtc : throw new ArgumentException("Audit instants are UTC.", nameof(atUtc));
        Actor = actor;
        Action = action;
        EntityType = entityType;
        EntityId = entityId;
    }

    public long Id { get; private set; }

    public DateTime AtUtc { get; private set; }

    /// <summary>The signed-in person or system process (e.g. "outbox-worker").</summary>
    public string Actor { get; private set; }

    /// <summary>A stable verb such as <c>case.decisionToAssess</c>, for filtering.</summary>
    public string Action { get; private set; }

    public Guid? CaseId { get; set; }

    public string EntityType { get; private set; }

    public string EntityId { get; private set; }

    /// <summary>Human-readable detail; never personal data beyond what the case already holds.</summary>
    public string? Detail { get; set; }

    public static AuditEntry ForCase(Guid caseId, DateTime atUtc, string actor, string action, string? detail = null) =>
        new(atUtc, actor, action, "AssessmentCase", caseId.ToString())
        {
            CaseId = caseId,
            Detail = detail,
        };

    public const string PlanEntityType = "EhcPlan";

    /// <summary>A change or view of a plan; it also names the case the plan came from, so that case's trail shows it.</summary>
    public static AuditEntry ForPlan(Guid planId, Guid? caseId, DateTime atUtc, string actor, string action, string? detail = null) =>
        new(atUtc, actor, action, PlanEntityType, planId.ToString())
        {
            CaseId = caseId,
            Detail = detail,
        };
}
