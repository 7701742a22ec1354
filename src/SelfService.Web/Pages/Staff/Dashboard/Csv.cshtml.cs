using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfService.Web.Hosting;

namespace SelfService.Web.Pages.Staff.Dashboard;

/// <summary>One dashboard figure as a CSV file: the same rows as the table on the page.</summary>
[IgnoreAntiforgeryToken]
public sealed class CsvModel(DashboardSnapshots snapshots, UkClock clock, IConfiguration configuration) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string figure, CancellationToken cancellationToken)
    {
        if (!DashboardView.FigureKeys.Contains(figure))
        {
            return NotFound();
        }

        var today = clock.Today();
        var (kind, date, errors) = DashboardQuery.From(Request.Query).Read(today);
        if (errors.Count > 0)
        {
            return new ContentResult
            {
                StatusCode = StatusCodes.Status400BadRequest,
                ContentType = "text/plain; charset=utf-8",
                Content = "The period is not valid: " + string.Join(". ", errors.Select(e => e.Message)) + ".",
            };
        }

        var data = (await snapshots.GetAsync(kind, date, today, cancellationToken)).Data;
        var figures = data.Figures;
        var table = DashboardView.Build(data, IndexModel.ReadEngland(configuration)).Single(f => f.Table.Key == figure).Table;
        var name = string.Create(CultureInfo.InvariantCulture, $"{figure}-{kind.ToString().ToLowerInvariant()}-{figures.Period.Start:yyyy-MM}.csv");
        return File(Encoding.UTF8.GetBytes(Csv.Write(table)), "text/csv; charset=utf-8", name);
    }
}
