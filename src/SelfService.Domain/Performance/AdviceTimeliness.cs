using SelfService.Domain.Assessments;

namespace SelfService.Domain.Performance;

public enum AdviceOutcome
{
    /// <summary>Received within 6 weeks of being asked.</summary>
    OnTime,

    /// <summary>Received, but after the 6 weeks.</summary>
    Late,

    /// <summary>Not received, and the 6 weeks have passed.</summary>
    Outstanding,

    /// <summary>Not received, and still within the 6 weeks: not judged yet.</summary>
    NotYetDue,
}

/// <summary>
/// Advice returned on time (SEND Regs 8(1): within 6 weeks of the request), counted for requests
/// whose 6 weeks ended in the period. Exceptions are not taken off: this is about advisers'
/// turnaround, which the council chases whatever the reason.
/// </summary>
public static class AdviceTimeliness
{
    public static DateOnly DueOn(DateOnly requestedOn) => requestedOn.AddDays(AdviceRequested.DaysToRespond);

    public static AdviceOutcome Judge(DateOnly requestedOn, DateOnly? receivedOn, DateOnly asOf) => receivedOn switch
    {
        { } received when received <= DueOn(requestedOn) => AdviceOutcome.OnTime,
        not null => AdviceOutcome.Late,
        null when asOf > DueOn(requestedOn) => AdviceOutcome.Outstanding,
        null => AdviceOutcome.NotYetDue,
    };

    public static string Describe(AdviserKind adviser) => adviser switch
    {
        AdviserKind.EducationalPsychologist => "Educational psychologist",
        AdviserKind.Health => "Health",
        AdviserKind.SocialCare => "Social care",
        AdviserKind.SchoolOrSetting => "School or setting",
        AdviserKind.ParentOrYoungPerson => "Parent or young person",
        _ => "Other",
    };
}

/// <summary>One adviser type's advice figures for a period.</summary>
public sealed record AdviceFigures(AdviserKind Adviser, int OnTime, int Late, int Outstanding)
{
    public int Due => OnTime + Late + Outstanding;

    public decimal? PercentOnTime => TwentyWeekMeasure.Percent(OnTime, Due);

    /// <summary>Counts judged advice requests into one row per adviser type, every type present.</summary>
    public static IReadOnlyList<AdviceFigures> Count(IEnumerable<(AdviserKind Adviser, AdviceOutcome Outcome, int Count)> judged)
    {
        ArgumentNullException.ThrowIfNull(judged);
        var rows = Enum.GetValues<AdviserKind>().ToDictionary(k => k, k => new AdviceFigures(k, 0, 0, 0));
        foreach (var (adviser, outcome, count) in judged)
        {
            var row = rows[adviser];
            rows[adviser] = outcome switch
            {
                AdviceOutcome.OnTime => row with { OnTime = row.OnTime + count },
                AdviceOutcome.Late => row with { Late = row.Late + count },
                AdviceOutcome.Outstanding => row with { Outstanding = row.Outstanding + count },
                _ => row,
            };
        }

        return rows.Values.OrderBy(r => r.Adviser).ToList();
    }
}
