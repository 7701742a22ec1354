namespace SelfService.Domain.Appeals;

/// <param name="Deadline">The last day to register an appeal with the SEND Tribunal.</param>
/// <param name="Explanation">Plain English for the family: the date and the rule that produced it.</param>
public sealed record AppealDeadlineResult(DateOnly Deadline, string Explanation);
