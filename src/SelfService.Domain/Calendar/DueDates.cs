namespace SelfService.Domain.Calendar;

/// <summary>When an enquiry or a complaint stage must be acknowledged and answered.</summary>
public readonly record struct DueDates(DateOnly AcknowledgeBy, DateOnly RespondBy);

/// <summary>
/// Stage 1 complaint dates. <see cref="ExtendedRespondBy"/> applies only when the council has told
/// the complainant it needs longer; it is never the default target.
/// </summary>
public readonly record struct ComplaintStage1DueDates(DateOnly AcknowledgeBy, DateOnly RespondBy, DateOnly ExtendedRespondBy);
