using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfService.Domain.Requests;

namespace SelfService.Web.Pages.Requests;

/// <summary>"Your requests": drafts to continue or delete, and requests sent, linking to their cases.</summary>
public sealed class IndexModel(RequestServices services) : PageModel
{
    public IReadOnlyList<RequestDraft> Drafts { get; private set; } = [];

    public IReadOnlyList<RequestDraft> Sent { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var all = await services.Drafts.ListAsync(services.User.AccountId, cancellationToken);
        Drafts = [.. all.Where(d => !d.IsSubmitted)];
        Sent = [.. all.Where(d => d.IsSubmitted)];
    }

    public static string Describe(RequestDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return draft.Answers.Child is { } child ? $"Request for {child.DisplayName}" : "New request";
    }

    public static string Date(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(utc, TimeZoneInfo.FindSystemTimeZoneById("Europe/London")).ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
}
