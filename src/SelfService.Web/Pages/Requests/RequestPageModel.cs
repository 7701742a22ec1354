using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfService.Data.Requests;
using SelfService.Domain.Requests;
using SelfService.Web.Hosting;
using SelfService.Web.Identity;

namespace SelfService.Web.Pages.Requests;

/// <summary>What every page of one draft shares: loading the signed-in account's draft, errors, saving and where to go next.</summary>
public abstract class RequestPageModel(RequestServices services) : PageModel
{
    public const string ReturnToCheck = "check";

    protected RequestServices Services { get; } = services;

    [FromRoute]
    public Guid DraftId { get; set; }

    /// <summary>
    /// "check" when the person came from check answers by a Change link, so they go back there.
    /// From the query string only: forms post back to their own address, and the upload page must
    /// not have its body read before it sets its own size limit.
    /// </summary>
    [FromQuery(Name = "returnTo")]
    public string? ReturnTo { get; set; }

    public RequestDraft Draft { get; private set; } = null!;

    public RequestAnswers Answers => Draft.Answers;

    public List<FieldError> Errors { get; } = [];

    public string TaskListHref => $"/requests/{DraftId}";

    public string CheckAnswersHref => $"/requests/{DraftId}/{RequestPages.CheckAnswers}";

    public string BackHref => ReturnTo == ReturnToCheck ? CheckAnswersHref : TaskListHref;

    public string PageHref(string page) => $"/requests/{DraftId}/{page}";

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field)?.Message;

    /// <summary>The error for a date input: any of its parts.</summary>
    public string? DateErrorFor(string field) => Errors.FirstOrDefault(e => e.Field.StartsWith(field + ".", StringComparison.Ordinal))?.Message;

    /// <summary>Loads the draft; a draft that is not this account's does not exist, and a sent one shows its confirmation.</summary>
    protected async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken, bool allowSubmitted = false)
    {
        var draft = await Services.Drafts.FindAsync(DraftId, Services.User.AccountId, cancellationToken);
        if (draft is null)
        {
            return NotFound();
        }

        Draft = draft;
        if (draft.IsSubmitted && !allowSubmitted)
        {
            return Redirect(PageHref("confirmation"));
        }

        return null;
    }

    protected IActionResult Invalid(IEnumerable<FieldError> errors)
    {
        Errors.AddRange(errors);
        return Page();
    }

    /// <summary>Saves the change, audited as <c>request.{question}</c>, then goes on (or back to check answers).</summary>
    protected async Task<IActionResult> SaveAsync(string question, Func<RequestAnswers, RequestAnswers> change, string? next, CancellationToken cancellationToken)
    {
        try
        {
            await Services.Drafts.SaveAsync(Draft, change, Services.User.Email, "request." + question, Services.NowUtc, cancellationToken);
        }
        catch (RequestDraftConflictException)
        {
            // Saved from another tab meanwhile: show the task list as it now stands rather than overwrite it.
            return Redirect(TaskListHref);
        }

        return Redirect(ReturnTo == ReturnToCheck ? CheckAnswersHref : next ?? TaskListHref);
    }

    protected void SetTitle(string title)
    {
        ViewData["Title"] = title;
        ViewData["HasError"] = Errors.Count > 0;
    }
}

/// <summary>The services the request pages use, in one parameter.</summary>
public sealed class RequestServices(RequestDraftStore drafts, IPortalUser user, TimeProvider time, UkClock clock)
{
    public RequestDraftStore Drafts { get; } = drafts;

    public IPortalUser User { get; } = user;

    public DateTime NowUtc => time.GetUtcNow().UtcDateTime;

    public DateOnly Today => clock.Today();
}
