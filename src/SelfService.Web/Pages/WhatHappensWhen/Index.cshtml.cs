using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfService.Domain.Assessments;
using SelfService.Domain.Timeline;
using SelfService.Web.Hosting;

namespace SelfService.Web.Pages.WhatHappensWhen;

/// <summary>One statutory date for a request received on a given day.</summary>
public sealed record StatutoryDate(string Step, DateOnly Due, string Rule);

/// <summary>
/// "What happens and when": anyone enters the day a request was received and sees the legal
/// deadlines, worked out by the same aggregate and clock as the calculator API. A GET form, so it
/// needs no sign-in, no JavaScript and can be bookmarked.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class IndexModel(UkClock clock) : PageModel
{
    private static readonly DateOnly Earliest = new(2014, 9, 1);
    private static readonly Recording Calculator = new("what-happens-and-when", DateTime.UnixEpoch);

    [BindProperty(SupportsGet = true, Name = "received-day")]
    public string? Day { get; set; }

    [BindProperty(SupportsGet = true, Name = "received-month")]
    public string? Month { get; set; }

    [BindProperty(SupportsGet = true, Name = "received-year")]
    public string? Year { get; set; }

    public string? Error { get; private set; }

    /// <summary>Which of the three boxes the error is about, to mark them in red.</summary>
    public HashSet<string> ErrorParts { get; } = [];

    public DateOnly? Received { get; private set; }

    public IReadOnlyList<StatutoryDate> Dates { get; private set; } = [];

    public string? NextStep { get; private set; }

    public void OnGet()
    {
        // Empty boxes bind as null, so ask whether the form was sent at all.
        if (!Request.Query.Keys.Any(k => k.StartsWith("received-", StringComparison.Ordinal)))
        {
            return;
        }

        Received = Read();
        if (Received is not { } received)
        {
            ViewData["HasError"] = true;
            return;
        }

        var today = clock.Today();
        var asOf = received > today ? received : today;
        var request = new RequestReceived(Guid.NewGuid(), received, Requester.Parent, null, null);
        var timeline = AssessmentCase.Open(Guid.NewGuid(), "calculator", Guid.Empty, request, Calculator).Timeline(asOf);

        // The 16-week decision only applies once the council agrees to assess, so ask the clock as if it had.
        var assessing = AssessmentCase.Open(Guid.NewGuid(), "calculator", Guid.Empty, request, Calculator);
        assessing.RecordDecisionToAssess(new DecisionToAssess(Guid.NewGuid(), received, true, null), Calculator);
        var decisionToIssue = assessing.Timeline(asOf).Find(MilestoneKeys.DecisionToIssue)!;

        Dates =
        [
            new("The council tells you whether it will carry out an EHC needs assessment", timeline.Find(MilestoneKeys.DecisionToAssess)!.Due, "6 weeks"),
            new("If it assesses: the council tells you whether it will issue an EHC plan, and sends a draft plan if it will", decisionToIssue.Due, "16 weeks"),
            new("The final EHC plan is issued", timeline.Find(MilestoneKeys.FinalPlan)!.Due, "20 weeks"),
        ];
        NextStep = received <= today ? timeline.NextStep : null;
    }

    private DateOnly? Read()
    {
        var day = Number(Day, "day");
        var month = Number(Month, "month");
        var year = Number(Year, "year");
        var missing = ErrorParts.ToList();
        if (missing.Count == 3)
        {
            Error = "Enter the date the council received the request";
            return null;
        }

        if (missing.Count > 0)
        {
            Error = $"The date the council received the request must include a {string.Join(" and ", missing)}";
            return null;
        }

        if (day is null || month is null || year is null || Year!.Trim().Length != 4 || !IsRealDate(year.Value, month.Value, day.Value))
        {
            ErrorParts.UnionWith(["day", "month", "year"]);
            Error = "The date the council received the request must be a real date, like 27 3 2026";
            return null;
        }

        var date = new DateOnly(year.Value, month.Value, day.Value);
        if (date < Earliest || date > clock.Today().AddYears(1))
        {
            ErrorParts.UnionWith(["day", "month", "year"]);
            Error = "The date must be between 1 September 2014 and one year from today";
            return null;
        }

        return date;
    }

    private int? Number(string? text, string part)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            ErrorParts.Add(part);
            return null;
        }

        return int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    private static bool IsRealDate(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
}
