using SelfService.Data;
using SelfService.Data.Complaints;
using SelfService.Data.Enquiries;
using SelfService.Data.Performance;
using SelfService.Domain.Performance;

namespace SelfService.Web.Pages.Staff.Dashboard;

/// <summary>Everything the dashboard shows: the assessment figures, members' enquiry service levels and complaint escalation.</summary>
/// <param name="Complaints">One row for each period of the trend.</param>
public sealed record DashboardData(DashboardFigures Figures, EnquiryFiguresReport Enquiries, IReadOnlyList<ComplaintPeriodFigures> Complaints)
{
    public static async Task<DashboardData> LoadAsync(CaseStoreDbContext db, PeriodKind kind, DateOnly date, DateOnly today, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var figures = await new PerformanceQueries(db).LoadAsync(kind, date, today, cancellationToken);
        var enquiries = await new EnquiryFigures(db).CalculateAsync(figures.Period.Start, figures.Period.End, today, cancellationToken);
        var complaints = new List<ComplaintPeriodFigures>();
        foreach (var period in figures.Trend.Select(t => t.Period))
        {
            complaints.Add((await new ComplaintFigures(db).ForPeriodAsync(period.Start, period.End, cancellationToken)).Total);
        }

        return new DashboardData(figures, enquiries, complaints);
    }
}
