using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using SelfService.Data.Requests;
using SelfService.Domain.Common;
using SelfService.Domain.Requests;
using SelfService.Web.Documents;
using SelfService.Web.Hosting;

namespace SelfService.Web.Pages.Requests;

/// <summary>
/// The declaration, and sending. Sending twice (a double click, a retry after a timeout) lands on
/// the same confirmation: the draft is sent once, and a later attempt finds it already sent.
/// </summary>
public sealed class DeclarationModel(RequestServices services, RequestSubmitter submitter, IOptions<CouncilOptions> council, IOptions<RequestOptions> options) : RequestPageModel(services)
{
    [BindProperty]
    public bool Confirmed { get; set; }

    public bool IsSchool => Answers.WhoIsAsking?.Requester == Domain.Assessments.Requester.SchoolWithParentalConsent;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if ((await LoadAsync(cancellationToken) ?? NotReady()) is { } stop)
        {
            return stop;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if ((await LoadAsync(cancellationToken) ?? NotReady()) is { } stop)
        {
            return stop;
        }

        var result = RequestQuestions.CheckDeclaration(Confirmed, Services.NowUtc);
        if (!result.IsValid)
        {
            return Invalid(result.Errors);
        }

        if (Answers.Declaration is null)
        {
            try
            {
                await Services.Drafts.SaveAsync(Draft, a => a with { Declaration = result.Value }, Services.User.Email, "request.declaration", Services.NowUtc, cancellationToken);
            }
            catch (RequestDraftConflictException)
            {
                // Another click got here first and is sending the draft; ours only needs its result.
            }
        }

        var viewer = await Services.User.GetViewerAsync(cancellationToken);
        var contact = new RequestContact(council.Value.Name, council.Value.SendTeamEmail, options.Value.PortalBaseUrl);
        try
        {
            var sent = await submitter.SubmitAsync(DraftId, viewer, contact, Services.NowUtc, Services.Today, cancellationToken);
            return sent is null ? NotFound() : Redirect(PageHref("confirmation"));
        }
        catch (DomainException)
        {
            // Something changed since check answers (another tab): show what is missing.
            return Redirect(CheckAnswersHref);
        }
    }

    private RedirectResult? NotReady() =>
        RequestReadiness.Problems(Answers, Services.Today).Count > 0 ? Redirect(CheckAnswersHref) : null;
}
