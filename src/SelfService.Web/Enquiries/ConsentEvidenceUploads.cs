using SelfService.Web.Documents;

namespace SelfService.Web.Enquiries;

/// <param name="Evidence">The stored file, or null when none was chosen or it was refused.</param>
/// <param name="Error">Why the file was refused, in words for the error summary.</param>
public sealed record EvidenceUpload((string FileName, string StoredName)? Evidence, string? Error);

/// <summary>
/// Evidence of a constituent's consent (a signed form, an email saved as PDF), checked like every
/// other upload by <see cref="FileIntake"/>.
/// </summary>
public sealed class ConsentEvidenceUploads(FileIntake intake)
{
    public const string Field = "Evidence";

    public string MaxFileSizeText => intake.MaxFileSizeText;

    public async Task<EvidenceUpload> ReceiveAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        var received = await intake.ReceiveAsync(file, cancellationToken);
        return new(received.File is { } kept ? (kept.FileName, kept.StoredName) : null, received.Error);
    }

    public void Discard(EvidenceUpload upload)
    {
        ArgumentNullException.ThrowIfNull(upload);
        if (upload.Evidence is { } evidence)
        {
            intake.Discard(evidence.StoredName);
        }
    }
}
