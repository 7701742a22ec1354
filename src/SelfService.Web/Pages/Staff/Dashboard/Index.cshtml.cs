using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfService.Data.Performance;
using SelfService.Domain.Performance;
using SelfService.Domain.Requests;
using SelfService.Web.Hosting;

namespace SelfService.Web.Pages.Staff.Dashboard;

/// <summary>
/// The performance dashboard for managers, caseworkers and scrutiny: the SEN2 20-week measure,
/// the backlog by weeks overdue, open cases, stage times and advice, each as a chart with its
/// table and CSV. A GET form chooses the period, so it needs no script and can be bookmarked.
/// Only aggregates are shown: no child is named.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class IndexModel(DashboardSnapshots snapshots, UkClock clock, IConfiguration configuration) : PageModel
{
    public DashboardQuery Query { get; private set; } = new(null, null, null);

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public PeriodKind Kind { get; private set; }

    public DateOnly PeriodDate { get; private set; }

    public DashboardFigures Figures { get; private set; } = null!;

    public IReadOnlyList<DashboardFigure> Shown { get; private set; } = [];

    public EnglandFigure England { get; private set; } = new();

    /// <summary>When the figures shown were computed from the rows.</summary>
    public DateTime ComputedAtUtc { get; private set; }

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field)?.Message;

    public string CsvLink(string key) => $"/staff/dashboard/{key}.csv{DashboardQuery.QueryString(Kind, PeriodDate)}";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var today = clock.Today();
        Query = DashboardQuery.From(Request.Query);
        (Kind, PeriodDate, Errors) = Query.Read(today);
        if (Errors.Count > 0)
        {
            // Say what was wrong and keep what was typed, but still show this month rather than nothing.
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        England = ReadEngland(configuration);
        var snapshot = await snapshots.GetAsync(Kind, PeriodDate, today, cancellationToken);
        var data = snapshot.Data;
        ComputedAtUtc = snapshot.ComputedAtUtc;
        Figures = data.Figures;
        Shown = DashboardView.Build(data, England);
    }

    public static EnglandFigure ReadEngland(IConfiguration configuration) =>
        configuration.GetSection(EnglandFigure.SectionName).Get<EnglandFigure>() ?? new EnglandFigure();
}
