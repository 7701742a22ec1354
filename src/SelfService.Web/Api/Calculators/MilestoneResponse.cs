using SelfService.Domain.Timeline;

namespace SelfService.Web.Api.Calculators;

public sealed record MilestoneResponse(string Key, DateOnly Due, DateOnly? Completed, MilestoneStatus Status, int DaysOverdue, bool ExceptionApplies)
{
    public static IReadOnlyList<MilestoneResponse> From(IEnumerable<Milestone> milestones) =>
        [.. milestones.Select(m => new MilestoneResponse(m.Key, m.Due, m.Completed, m.Status, m.DaysOverdue, m.ExceptionApplies))];
}
