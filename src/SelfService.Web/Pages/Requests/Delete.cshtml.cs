using Microsoft.AspNetCore.Mvc;
using SelfService.Web.Documents;

namespace SelfService.Web.Pages.Requests;

public sealed class DeleteModel(RequestServices services, DocumentUploads uploads) : RequestPageModel(services)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } stop)
        {
            return stop;
        }

        var documents = await Services.Drafts.DeleteAsync(Draft, Services.User.Email, Services.NowUtc, cancellationToken);
        uploads.DeleteFiles(documents);
        return Redirect("/requests");
    }
}
