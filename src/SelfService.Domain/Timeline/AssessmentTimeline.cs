namespace SelfService.Domain.Timeline;

/// <summary>Where an EHC needs assessment stands against the statutory clock on a given date.</summary>
/// <param name="Milestones">The deadlines that still apply, in process order.</param>
/// <param name="Within20Weeks">
/// The SEN2 measure: true if the final plan was issued by day 0 + 140; false if later, or if it
/// is still not issued after that; null while it could still be met or when no plan will follow.
/// </param>
/// <param name="NextStep">What happens next, in plain English for the family.</param>
public sealed record AssessmentTimeline(IReadOnlyList<Milestone> Milestones, bool? Within20Weeks, string NextStep)
{
    /// <summary>The first milestone with the key, or null when it does not (or no longer) applies.</summary>
    public Milestone? Find(string key) => Milestones.FirstOrDefault(m => m.Key == key);
}
