using System.Globalization;
using SelfService.Data.Complaints;
using SelfService.Data.Enquiries;
using SelfService.Data.Performance;
using SelfService.Domain.People;
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
    public const string Enquiries = "enquiries";
    public const string Complaints = "complaints";

    public static readonly IReadOnlyList<string> FigureKeys = [TwentyWeeks, Backlog, OpenCases, StageTimes, Advice, Enquiries, Complaints];

    public static IReadOnlyList<DashboardFigure> Build(DashboardData data, EnglandFigure england)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(england);
        var figures = data.Figures;
        return
        [
            TwentyWeekFigure(figures, england), BacklogFigure(figures), OpenFigure(figures), StageFigure(figures), AdviceFigure(figures),
            EnquiryFigure(figures.Period, data.Enquiries), ComplaintFigure(data.Complaints),
        ];
    }

    private static DashboardFigure EnquiryFigure(ReportingPeriod period, EnquiryFiguresReport report)
    {
        var rows = report.ServiceLevels;
        var table = new FigureTable(
            Enquiries,
            "Members' enquiries answered in time",
            $"Councillors' and MPs' enquiries received in {period.Label}, by month and kind of member: acknowledged and answered within the service levels. An enquiry counts once it is done or its date has passed.",
            ["Month", "Member", "Received", "Acknowledgements due", "Acknowledged in time", "Acknowledged in time (%)", "Replies due", "Answered in time", "Answered in time (%)"],
            rows.Select(r => (IReadOnlyList<string>)
            [
                MonthLabel(r.Month), MemberLabel(r.MemberKind), Number(r.Received), Number(r.AcknowledgementsDue), Number(r.AcknowledgedInTime), Percent(r.AcknowledgedInTimePercent),
                Number(r.RepliesDue), Number(r.AnsweredInTime), Percent(r.AnsweredInTimePercent),
            ]).ToList());
        var svg = SvgBarChart.Render(
            "chart-" + Enquiries,
            table.Title,
            table.Description + " The table below gives every figure.",
            rows.Select(r => $"{MonthLabel(r.Month)}, {MemberLabel(r.MemberKind)}").ToList(),
            [
                new ChartSeries("Acknowledged in time", rows.Select(r => (double?)r.AcknowledgedInTimePercent).ToList(), SeriesStyle.Solid),
                new ChartSeries("Answered in time", rows.Select(r => (double?)r.AnsweredInTimePercent).ToList(), SeriesStyle.Hatched),
            ],
            "%",
            maximum: 100);
        return new DashboardFigure(table, svg);
    }

    private static DashboardFigure ComplaintFigure(IReadOnlyList<ComplaintPeriodFigures> periods)
    {
        var table = new FigureTable(
            Complaints,
            "Complaint escalation",
            "Of the stage 1 responses sent in each period, the share escalated to stage 2 so far; of the stage 2 responses, the share taken to the Local Government and Social Care Ombudsman.",
            ["Period", "From", "To", "Complaints received", "Stage 1 responses", "Stage 1 on time (%)", "Escalated to stage 2", "Stage 1 to stage 2 (%)", "Stage 2 responses", "Referred to the Ombudsman", "Stage 2 to Ombudsman (%)"],
            periods.Select(p => (IReadOnlyList<string>)
            [
                PeriodLabel(p), CaseText.Date(p.From), CaseText.Date(p.To), Number(p.Received), Number(p.Stage1Responded), Percent(p.Stage1OnTimePercent),
                Number(p.Stage1ResponsesEscalated), Percent(p.Stage1To2EscalationPercent), Number(p.Stage2Responded), Number(p.Stage2ResponsesReferred), Percent(p.Stage2ToOmbudsmanPercent),
            ]).ToList());
        var svg = SvgBarChart.Render(
            "chart-" + Complaints,
            table.Title,
            table.Description + " The table below gives every figure.",
            periods.Select(PeriodLabel).ToList(),
            [
                new ChartSeries("Stage 1 to stage 2", periods.Select(p => (double?)p.Stage1To2EscalationPercent).ToList(), SeriesStyle.Solid),
                new ChartSeries("Stage 2 to Ombudsman", periods.Select(p => (double?)p.Stage2ToOmbudsmanPercent).ToList(), SeriesStyle.Hatched),
            ],
            "%",
            maximum: 100);
        return new DashboardFigure(table, svg);
    }

    private static string PeriodLabel(ComplaintPeriodFigures p) => p.From.Month == p.To.Month && p.From.Year == p.To.Year
        ? p.From.ToString("MMM yyyy", UkCulture)
        : p.From.Year == p.To.Year && p.From.Month == 1 && p.To.Month == 12
            ? p.From.Year.ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"Q{((p.From.Month - 1) / 3) + 1} {p.From.Year}");

    private static string MonthLabel(string yyyyMm) =>
        DateOnly.ParseExact(yyyyMm + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("MMMM yyyy", UkCulture);

    private static string MemberLabel(ElectedMemberKind kind) => kind switch
    {
        ElectedMemberKind.MemberOfParliament => "MP",
        _ => "Councillor",
    };

    private static readonly CultureInfo UkCulture = CultureInfo.GetCultureInfo("en-GB");

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
