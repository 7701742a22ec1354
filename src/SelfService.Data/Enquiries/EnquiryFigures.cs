using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SelfService.Domain.Enquiries;
using SelfService.Domain.People;

namespace SelfService.Data.Enquiries;

/// <summary>
/// Service levels for one month's enquiries from one kind of member. An enquiry counts towards a
/// percentage once its outcome is known: done, or its date passed without it being done. Those
/// still within their time are left out rather than counted as failures.
/// </summary>
/// <param name="Month">The month received, <c>yyyy-MM</c>.</param>
/// <param name="AcknowledgedInTimePercent">Null when nothing was yet due.</param>
public sealed record EnquiryServiceLevelRow(
    string Month,
    ElectedMemberKind MemberKind,
    int Received,
    int AcknowledgementsDue,
    int AcknowledgedInTime,
    decimal? AcknowledgedInTimePercent,
    int RepliesDue,
    int AnsweredInTime,
    decimal? AnsweredInTimePercent);

public sealed record EnquiryCategoryRow(EnquiryCategory Category, int Received);

/// <summary>Enquiry figures for enquiries received from <paramref name="From"/> to <paramref name="To"/> inclusive.</summary>
public sealed record EnquiryFiguresReport(DateOnly From, DateOnly To, IReadOnlyList<EnquiryServiceLevelRow> ServiceLevels, IReadOnlyList<EnquiryCategoryRow> Categories);

/// <summary>Members' enquiry figures for the performance dashboard and the JSON API.</summary>
public sealed class EnquiryFigures(CaseStoreDbContext db)
{
    /// <param name="today">Decides which targets have passed; the UK date.</param>
    public async Task<EnquiryFiguresReport> CalculateAsync(DateOnly from, DateOnly to, DateOnly today, CancellationToken cancellationToken = default)
    {
        if (to < from)
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, "The end date must not be before the start date.");
        }

        var rows = await (from e in db.Set<MemberEnquiry>().AsNoTracking()
                          join m in db.ElectedMembers.AsNoTracking() on e.ElectedMemberId equals m.Id
                          where e.ReceivedOn >= @from && e.ReceivedOn <= to
                          select new { e.ReceivedOn, m.Kind, e.Category, e.AcknowledgeBy, e.AcknowledgedOn, e.RespondBy, e.AnsweredOn })
            .ToListAsync(cancellationToken);

        var levels = rows
            .GroupBy(r => (Month: r.ReceivedOn.ToString("yyyy-MM", CultureInfo.InvariantCulture), r.Kind))
            .OrderBy(g => g.Key.Month, StringComparer.Ordinal).ThenBy(g => g.Key.Kind)
            .Select(g =>
            {
                var ackDue = g.Count(r => r.AcknowledgedOn is not null || r.AcknowledgeBy < today);
                var ackMet = g.Count(r => r.AcknowledgedOn <= r.AcknowledgeBy);
                var replyDue = g.Count(r => r.AnsweredOn is not null || r.RespondBy < today);
                var replyMet = g.Count(r => r.AnsweredOn <= r.RespondBy);
                return new EnquiryServiceLevelRow(g.Key.Month, g.Key.Kind, g.Count(), ackDue, ackMet, Percent(ackMet, ackDue), replyDue, replyMet, Percent(replyMet, replyDue));
            })
            .ToList();
        var categories = Enum.GetValues<EnquiryCategory>()
            .Select(c => new EnquiryCategoryRow(c, rows.Count(r => r.Category == c)))
            .ToList();
        return new EnquiryFiguresReport(from, to, levels, categories);
    }

    private static decimal? Percent(int met, int due) =>
        due == 0 ? null : Math.Round(100m * met / due, 1, MidpointRounding.AwayFromZero);
}
