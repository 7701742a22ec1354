using SelfService.Data.Requests;

namespace SelfService.Data.Casework;

/// <summary>An uploaded file after every check: its safe name, where it is kept, what its content proved to be and how the scan went.</summary>
public sealed record StoredFile(
    string FileName,
    string StoredName,
    DocumentKind Kind,
    string ContentType,
    long SizeBytes,
    string Sha256,
    DocumentScanStatus ScanStatus,
    string? ScanDetail);
