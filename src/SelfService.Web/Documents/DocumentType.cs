using System.IO.Compression;
using SelfService.Data.Requests;

namespace SelfService.Web.Documents;

/// <summary>
/// Recognises the accepted file types by their first bytes (and, for Word, the zip's own entries),
/// so a renamed program or a text file called .pdf is refused whatever its name or claimed type.
/// </summary>
public static class DocumentType
{
    private static readonly Dictionary<DocumentKind, (string[] Extensions, string ContentType, string[] ClaimedTypes)> Kinds = new()
    {
        [DocumentKind.Pdf] = ([".pdf"], "application/pdf", ["application/pdf", "application/x-pdf"]),
        [DocumentKind.Word] = ([".docx"], "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"]),
        [DocumentKind.WordLegacy] = ([".doc"], "application/msword", ["application/msword"]),
        [DocumentKind.Jpeg] = ([".jpg", ".jpeg"], "image/jpeg", ["image/jpeg", "image/pjpeg"]),
        [DocumentKind.Png] = ([".png"], "image/png", ["image/png"]),
    };

    // Browsers send these when they do not know the type: no claim, so only the content and name count.
    private static readonly string[] NoClaim = ["", "application/octet-stream", "binary/octet-stream"];

    public const string AcceptedList = "PDF, Word (DOC or DOCX), JPEG or PNG";

    /// <summary>For the file input's <c>accept</c> attribute.</summary>
    public static string AcceptAttribute => string.Join(',', Kinds.Values.SelectMany(k => k.Extensions));

    public static string ContentTypeOf(DocumentKind kind) => Kinds[kind].ContentType;

    public static DocumentKind? FromExtension(string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        foreach (var (kind, info) in Kinds)
        {
            if (info.Extensions.Contains(extension))
            {
                return kind;
            }
        }

        return null;
    }

    public static bool ClaimAgrees(DocumentKind kind, string? claimedContentType)
    {
        var claimed = (claimedContentType ?? string.Empty).Split(';')[0].Trim().ToLowerInvariant();
        return NoClaim.Contains(claimed) || Kinds[kind].ClaimedTypes.Contains(claimed);
    }

    /// <summary>What the content is, or null if it is none of the accepted types. The stream must be seekable.</summary>
    public static DocumentKind? Detect(Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        Span<byte> head = stackalloc byte[8];
        content.Position = 0;
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..read];
        content.Position = 0;

        if (head.StartsWith("%PDF-"u8))
        {
            return DocumentKind.Pdf;
        }

        if (head.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }))
        {
            return DocumentKind.Jpeg;
        }

        if (head.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
        {
            return DocumentKind.Png;
        }

        if (head.StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }))
        {
            return DocumentKind.WordLegacy;
        }

        if (head.StartsWith("PK\x03\x04"u8))
        {
            return IsWordPackage(content) ? DocumentKind.Word : null;
        }

        return null;
    }

    // A .docx is a zip with a content-types part and the document under word/; any other zip is not one.
    private static bool IsWordPackage(Stream content)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var names = zip.Entries.Select(e => e.FullName).ToList();
            return names.Contains("[Content_Types].xml") && names.Any(n => n.StartsWith("word/", StringComparison.Ordinal));
        }
        catch (InvalidDataException)
        {
            return false;
        }
        finally
        {
            content.Position = 0;
        }
    }
}
