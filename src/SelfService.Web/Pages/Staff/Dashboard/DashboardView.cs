using System.Globalization;
using SelfService.Data.Performance;
using SelfService.Domain.Performance;
using SelfService.Web.Pages.Cases;

namespace SelfService.Web.Pages.Staff.Dashboard;

/// <summary>One figure as the page shows it: the table (also its CSV) and the chart drawn from the same figures.</summary>
public sealed record DashboardFigure(FigureTable Table, string Svg);

/// <summary>Turns the figures into tables and charts; the one place the dashboard's words and columns live.</summary>
public static class DashboardView
{
    public const string TwentyWeeks = "twenty-weeks";
    public const string Backlog = "backlog";
    public const string OpenCases = "open-cases";
    public const string StageTimes = "stage-times";
    public const string Advice = "advice";

    public static readonly IReadOnlyList<string> FigureKeys = [TwentyWeeks, Backlog, OpenCases, StageTimes, Advice];

    public static IReadOnlyList<DashboardFigure> Build(DashboardFigures figures, EnglandFigure england)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(england);
        return [TwentyWeekFigure(figures, england), BacklogFigure(figures), OpenFigure(figures), StageFigure(figures), AdviceFigure(figures)];
    }

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Percent(decimal? value) => value?.ToString("0.0", CultureInfo.InvariantCulture) ?? "";

    public static string Days(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static DashboardFigure TwentyWeekFigure(DashboardFigures figures, EnglandFigure england)
    {
        var englandText = Percent(england.PercentExcludingExceptions);
        var table = new FigureTable(
            TwentyWeeks,
            "New EHC plans issued within 20 weeks",
            string.Create(CultureInfo.InvariantCulture,
                $"Percentage of new EHC plans issued within 20 weeks of the request, by the {Unit(figures.Period.Kind)} the plan was issued, including and excluding cases where an exception to the time limit applied (the SEN2 convention). England {england.Year}, excluding exceptions: {englandText}%."),
            ["Period", "From", "To", "Plans issued", "Within 20 weeks", "Within 20 weeks (%)", "Exception cases", "Plans issued excluding exceptions", "Within 20 weeks excluding exceptions", "Within 20 weeks excluding exceptions (%)", string.Create(CultureInfo.InvariantCulture, $"England {england.Year} excluding exceptions (%)")],
            figures.Trend.Select(t => (IReadOnlyList<string>)
            [
                t.Period.Label, CaseText.Date(t.Period.Start), CaseText.Date(t.Period.End), Number(t.Issued), Number(t.Within), Percent(t.PercentIncludingExceptions),
                Number(t.ExceptionCases), Number(t.IssuedExcludingExceptions), Number(t.WithinExcludingExceptions), Percent(t.PercentExcludingExceptions), englandText,
            ]).ToList());
        var svg = SvgBarChart.Render(
            "chart-" + TwentyWeeks,
            table.Title,
            table.Description + " The dashed line marks the England figure. The table below gives every figure.",
            figures.Trend.Select(t => t.Period.ShortLabel).ToList(),
            [
                new ChartSeries("Including exceptions", figures.Trend.Select(t => (double?)t.PercentIncludingExceptions).ToList(), SeriesStyle.Solid),
                new ChartSeries("Excluding exceptions", figures.Trend.Select(t => (double?)t.PercentExcludingExceptions).ToList(), SeriesStyle.Hatched),
            ],
            "%",
            maximum: 100,
            reference: new ReferenceLine((double)england.PercentExcludingExceptions, string.Create(CultureInfo.InvariantCulture, $"England {england.Year}: {englandText}%")));
        return new DashboardFigure(table, svg);
    }

    private static DashboardFigure BacklogFigure(DashboardFigures figures)
    {
        var asOf = CaseText.Date(figures.AsOf);
        var rows = figures.Backlog.Select(b => (IReadOnlyList<string>)[b.Band.Label, Number(b.Assessments), Number(b.Reviews), Number(b.Assessments + b.Reviews)]).ToList();
        rows.Add(["Total", Number(figures.Backlog.Sum(b => b.Assessments)), Number(figures.Backlog.Sum(b => b.Reviews)), Number(figures.Backlog.Sum(b => b.Assessments + b.Reviews))]);
        var table = new FigureTable(
            Backlog,
            "Backlog by weeks overdue",
            $"Open new assessments past their 20 weeks, and annual reviews whose meeting is past its 12 months, by completed weeks overdue on {asOf}.",
            ["Weeks overdue", "New assessments", "Annual reviews", "Total"],
            rows);
        var svg = SvgBarChart.Render(
            "chart-" + Backlog,
            table.Title,
            table.Description + " The table below gives every figure.",
            figures.Backlog.Select(b => b.Band.Label).ToList(),
            [
                new ChartSeries("New assessments", figures.Backlog.Select(b => (double?)b.Assessments).ToList(), SeriesStyle.Solid),
                new ChartSeries("Annual reviews", figures.Backlog.Select(b => (double?)b.Reviews).ToList(), SeriesStyle.Hatched),
            ],
            "");
        return new DashboardFigure(table, svg);
    }

    private static DashboardFigure OpenFigure(DashboardFigures figures)
    {
        var rows = figures.OpenByStage.Select(s => (IReadOnlyList<string>)[CaseText.StageTag(s.Stage).Text, Number(s.Open)]).ToList();
        rows.Add(["Total", Number(figures.OpenByStage.Sum(s => s.Open))]);
        var table = new FigureTable(
            OpenCases,
            "Open assessments by stage",
            $"New EHC needs assessments not yet finished, by the stage they have reached on {CaseText.Date(figures.AsOf)}.",
            ["Stage", "Open cases"],
            rows);
        var svg = SvgBarChart.Render(
            "chart-" + OpenCases,
            table.Title,
            table.Description + " The table below gives every figure.",
            figures.OpenByStage.Select(s => CaseText.StageTag(s.Stage).Text).ToList(),
            [new ChartSeries("Open cases", figures.OpenByStage.Select(s => (double?)s.Open).ToList(), SeriesStyle.Solid)],
            "");
        return new DashboardFigure(table, svg);
    }

    private static DashboardFigure StageFigure(DashboardFigures figures)
    {
        var table = new FigureTable(
            StageTimes,
            "Time in each stage",
            $"Days each stage took, for stages finished in {figures.Period.Label}: the median and the 90th percentile.",
            ["Stage", "Stages finished", "Median (days)", "90th percentile (days)"],
            figures.StageTimes.Select(s => (IReadOnlyList<string>)
                [Domain.Performance.StageTimes.Describe(s.Stage), Number(s.Days.Count), Days(s.Days.Median), Days(s.Days.Percentile90)]).ToList());
        var svg = SvgBarChart.Render(
            "chart-" + StageTimes,
            table.Title,
            table.Description + " The table below gives every figure.",
            figures.StageTimes.Select(s => Domain.Performance.StageTimes.Describe(s.Stage)).ToList(),
            [
                new ChartSeries("Median", figures.StageTimes.Select(s => (double?)s.Days.Median).ToList(), SeriesStyle.Solid),
                new ChartSeries("90th percentile", figures.StageTimes.Select(s => (double?)s.Days.Percentile90).ToList(), SeriesStyle.Hatched),
            ],
            " days");
        return new DashboardFigure(table, svg);
    }

    private static DashboardFigure AdviceFigure(DashboardFigures figures)
    {
        var table = new FigureTable(
            Advice,
            "Advice returned on time",
            $"Advice for assessments due in {figures.Period.Label} (6 weeks after it was asked for), by adviser type: received on time, received late, or still not received on {CaseText.Date(figures.AsOf)}.",
            ["Adviser", "Due", "On time", "Late", "Not received", "On time (%)"],
            figures.Advice.Select(a => (IReadOnlyList<string>)
                [AdviceTimeliness.Describe(a.Adviser), Number(a.Due), Number(a.OnTime), Number(a.Late), Number(a.Outstanding), Percent(a.PercentOnTime)]).ToList());
        var svg = SvgBarChart.Render(
            "chart-" + Advice,
            table.Title,
            table.Description + " The table below gives every figure.",
            figures.Advice.Select(a => AdviceTimeliness.Describe(a.Adviser)).ToList(),
            [new ChartSeries("On time", figures.Advice.Select(a => (double?)a.PercentOnTime).ToList(), SeriesStyle.Solid)],
            "%",
            maximum: 100);
        return new DashboardFigure(table, svg);
    }

    private static string Unit(PeriodKind kind) => kind switch
    {
        PeriodKind.Month => "month",
        PeriodKind.Quarter => "quarter",
        _ => "calendar year",
    };
}
