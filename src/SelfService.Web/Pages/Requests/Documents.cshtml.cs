using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using SelfService.Data.Requests;
using SelfService.Domain.Requests;
using SelfService.Web.Documents;

namespace SelfService.Web.Pages.Requests;

/// <summary>
/// Documents, one file per upload so each gets its own answer. The form is read first with the
/// configured limit (<see cref="UploadLimitsAttribute"/>), so a file over the limit becomes a GOV.UK
/// error here instead of a 413 page; the antiforgery token is then checked by each handler.
/// </summary>
[IgnoreAntiforgeryToken]
[UploadLimits]
public sealed class DocumentsModel(RequestServices services, DocumentUploads uploads, IAntiforgery antiforgery) : RequestPageModel(services)
{
    public const string FileField = "File";

    public IReadOnlyList<RequestDocument> Documents { get; private set; } = [];

    public string MaxFileSize => uploads.MaxFileSizeText;

    public bool ScannerConfigured => uploads.ScannerConfigured;

    /// <summary>The file just uploaded, to confirm it by name.</summary>
    [TempData]
    public string? Uploaded { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } stop)
        {
            return stop;
        }

        Documents = await Services.Drafts.DocumentsAsync(DraftId, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync(CancellationToken cancellationToken)
    {
        if (UploadLimitsAttribute.WasTooLarge(HttpContext))
        {
            // Nothing is stored on this path, so showing the error needs no antiforgery check.
            return await ShowErrorAsync($"The selected file must be smaller than {MaxFileSize}", cancellationToken);
        }

        if (!await antiforgery.IsRequestValidAsync(HttpContext))
        {
            return BadRequest();
        }

        if (await LoadAsync(cancellationToken) is { } stop)
        {
            return stop;
        }

        var form = await Request.ReadFormAsync(cancellationToken);
        var result = await uploads.UploadAsync(Draft, form.Files.GetFile(FileField), Services.User.Email, Services.NowUtc, cancellationToken);
        if (result.Error is not null)
        {
            return await ShowErrorAsync(result.Error, cancellationToken);
        }

        Uploaded = result.Document!.FileName;
        return Redirect(PageHref(RequestPages.Documents) + (ReturnTo is null ? "" : "?returnTo=" + ReturnTo));
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid documentId, CancellationToken cancellationToken)
    {
        if (!await antiforgery.IsRequestValidAsync(HttpContext))
        {
            return BadRequest();
        }

        if (await LoadAsync(cancellationToken) is { } stop)
        {
            return stop;
        }

        await uploads.RemoveAsync(Draft, documentId, Services.User.Email, Services.NowUtc, cancellationToken);
        return Redirect(PageHref(RequestPages.Documents) + (ReturnTo is null ? "" : "?returnTo=" + ReturnTo));
    }

    public async Task<IActionResult> OnPostContinueAsync(CancellationToken cancellationToken)
    {
        if (!await antiforgery.IsRequestValidAsync(HttpContext))
        {
            return BadRequest();
        }

        if (await LoadAsync(cancellationToken) is { } stop)
        {
            return stop;
        }

        return await SaveAsync(RequestPages.Documents, a => a with { DocumentsConfirmed = true }, CheckAnswersHref, cancellationToken);
    }

    private async Task<IActionResult> ShowErrorAsync(string message, CancellationToken cancellationToken)
    {
        // The draft (and every file already uploaded) is untouched; only this file was refused.
        if (Draft is null && await LoadAsync(cancellationToken) is { } stop)
        {
            return stop;
        }

        Documents = await Services.Drafts.DocumentsAsync(DraftId, cancellationToken);
        Errors.Add(new FieldError(FileField, message));
        return Page();
    }

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} bytes",
        < 1024 * 1024 => $"{bytes / 1024.0:0} KB",
        _ => $"{bytes / (1024.0 * 1024.0):0.0} MB",
    };
}
