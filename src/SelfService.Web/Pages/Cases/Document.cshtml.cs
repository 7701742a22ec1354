using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfService.Data.Cases;
using SelfService.Web.Documents;
using SelfService.Web.Identity;

namespace SelfService.Web.Pages.Cases;

/// <summary>
/// Downloads one document of a case: those sent with the request, and the advice and draft plan
/// the policy lets this viewer see. Only files the scanner passed are ever sent; every download is audited.
/// </summary>
public sealed class DocumentModel(IPortalUser user, CaseReader reader, FileIntake files) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string reference, Guid id, CancellationToken cancellationToken)
    {
        var viewer = await user.GetViewerAsync(cancellationToken);
        if (await reader.FindForViewerAsync(reference, viewer, CaseChannels.Portal, cancellationToken) is not { } record)
        {
            return NotFound();
        }

        var file = record.CouncilDocuments.Where(d => d.Id == id && d.IsShareable).Select(d => (d.StoredName, d.FileName, d.ContentType))
            .Concat(record.Documents.Where(d => d.Id == id && d.IsShareable).Select(d => (d.StoredName, d.FileName, d.ContentType)))
            .FirstOrDefault();
        if (file.StoredName is null)
        {
            return NotFound();
        }

        await reader.RecordDownloadAsync(record, viewer, id, cancellationToken);
        return File(files.OpenRead(file.StoredName), file.ContentType, file.FileName);
    }
}
