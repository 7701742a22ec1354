using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SelfService.Data;
using SelfService.Data.Requests;
using SelfService.Domain.Assessments;
using SelfService.Domain.People;
using SelfService.Domain.Requests;
using SelfService.Web.Pages.Components;

namespace SelfService.Web.Pages.Requests;

/// <summary>Every answer with a Change link, and anything still missing before the request can be sent.</summary>
public sealed class CheckAnswersModel(RequestServices services) : RequestPageModel(services)
{
    private static readonly CultureInfo UkEnglish = CultureInfo.GetCultureInfo("en-GB");

    public IReadOnlyList<CheckAnswersRow> AboutRows { get; private set; } = [];

    public IReadOnlyList<CheckAnswersRow> NeedsRows { get; private set; } = [];

    public IReadOnlyList<RequestProblem> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } stop)
        {
            return stop;
        }

        var documents = await Services.Drafts.DocumentsAsync(DraftId, cancellationToken);
        Problems = RequestReadiness.Problems(Answers, Services.Today);
        AboutRows = About();
        NeedsRows = Needs(documents);
        return Page();
    }

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", UkEnglish);

    public static string Requester(Requester requester, string? school) => requester switch
    {
        Domain.Assessments.Requester.Parent => "A parent or carer",
        Domain.Assessments.Requester.YoungPerson => "The young person, for themselves",
        _ => $"{school ?? "A school or setting"}, with parental consent",
    };

    private string Change(string page) => $"{PageHref(page)}?returnTo={ReturnToCheck}";

    private List<CheckAnswersRow> About()
    {
        var rows = new List<CheckAnswersRow>();
        if (Answers.WhoIsAsking is { } who)
        {
            rows.Add(new("Who is asking", Requester(who.Requester, who.SchoolName), Change(RequestPages.WhoIsAsking), "who is asking"));
            if (who.Requester == Domain.Assessments.Requester.SchoolWithParentalConsent)
            {
                var consent = Answers.Consent is { } c
                    ? $"{c.GivenBy}\n{ConsentText(c.Method)}, on {Date(c.GivenOn)}"
                    : "Not given yet";
                rows.Add(new("Parental consent", consent, Change(RequestPages.Consent), "parental consent"));
            }
        }

        if (Answers.Child is { } child)
        {
            rows.Add(new("Name", child.KnownAs is null ? $"{child.FirstName} {child.LastName}" : $"{child.FirstName} {child.LastName} (known as {child.KnownAs})", Change(RequestPages.Child), "name"));
            rows.Add(new("Date of birth", Date(child.DateOfBirth), Change(RequestPages.Child), "date of birth"));
            rows.Add(new("Home postcode", child.Postcode, Change(RequestPages.Child), "home postcode"));
        }

        if (Answers.Parents is { } parents)
        {
            var text = parents.Count == 0
                ? "None given"
                : string.Join("\n\n", parents.Select(p => string.Join('\n', new[] { $"{p.DisplayName} ({Relationship(p.Relationship)})", p.IsRequester ? Services.User.Email : p.Email, p.Phone }.Where(x => x is not null))));
            rows.Add(new("Parents and carers", text, Change(RequestPages.Parents), "parents and carers"));
        }

        if (Answers.School is { } school)
        {
            var text = !school.AttendsSetting ? "Does not go to a school or setting" : school.Urn is null ? school.Name! : $"{school.Name} (URN {school.Urn})";
            rows.Add(new("School or setting", text, Change(RequestPages.School), "school or setting"));
        }

        return rows;
    }

    private List<CheckAnswersRow> Needs(IReadOnlyList<RequestDocument> documents)
    {
        var rows = new List<CheckAnswersRow>();
        if (Answers.Needs is { } needs)
        {
            rows.Add(new("Areas of need", string.Join('\n', needs.Areas.Select(a => NeedsModel.AreaOptions.Single(o => o.Value == a.ToString()).Text)), Change(RequestPages.Needs), "areas of need"));
            rows.Add(new("Needs", needs.Description, Change(RequestPages.Needs), "needs"));
        }

        if (Answers.SupportHistory is { } history)
        {
            rows.Add(new("SEN support", history.HadSenSupport ? $"Yes, {history.Cycles} assess, plan, do, review cycles" : "No, or not known", Change(RequestPages.SupportHistory), "SEN support"));
            if (history.HadSenSupport)
            {
                rows.Add(new("Support tried", history.WhatWasTried!, Change(RequestPages.SupportHistory), "support tried"));
                rows.Add(new("What happened at review", history.WhatHappened!, Change(RequestPages.SupportHistory), "what happened at review"));
            }
        }

        if (Answers.Views is { } views)
        {
            rows.Add(new("Child or young person's views", views.ChildViews, Change(RequestPages.Views), "child or young person's views"));
            rows.Add(new("Family's views", views.FamilyViews ?? "None given", Change(RequestPages.Views), "family's views"));
        }

        if (Answers.Professionals is { } professionals)
        {
            var text = professionals.Count == 0
                ? "None"
                : string.Join("\n", professionals.Select(p => string.Join(", ", new[] { p.Name, p.Role, p.Organisation, p.Email }.Where(x => x is not null))));
            rows.Add(new("Professionals involved", text, Change(RequestPages.Professionals), "professionals involved"));
        }

        if (Answers.DocumentsConfirmed)
        {
            rows.Add(new("Documents", documents.Count == 0 ? "None" : string.Join('\n', documents.Select(d => d.FileName)), Change(RequestPages.Documents), "documents"));
        }

        return rows;
    }

    private static string ConsentText(ConsentMethod method) =>
        ConsentModel.Methods.Single(m => m.Value == method.ToString()).Text;

    private static string Relationship(ParentRelationship relationship) =>
        ParentsModel.Relationships.Single(r => r.Value == relationship.ToString()).Text.ToLowerInvariant();
}
