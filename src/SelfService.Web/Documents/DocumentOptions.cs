using System.ComponentModel.DataAnnotations;

namespace SelfService.Web.Documents;

/// <summary>Uploads with a request (configuration section "Documents").</summary>
public sealed class DocumentOptions
{
    public const string SectionName = "Documents";

    /// <summary>Where files are kept: a folder name inside the data directory, or an absolute path.</summary>
    [Required]
    public string Directory { get; set; } = "documents";

    /// <summary>The largest file accepted, in megabytes; stated on the upload page. Other portals' 10 MB is a known complaint.</summary>
    [Range(1, 500)]
    public int MaxFileSizeMegabytes { get; set; } = 25;

    /// <summary>The clamd host to scan with (its INSTREAM command); unset means no scanner, so every file is quarantined.</summary>
    public string? ClamAvHost { get; set; }

    [Range(1, 65535)]
    public int ClamAvPort { get; set; } = 3310;

    [Range(1, 600)]
    public int ClamAvTimeoutSeconds { get; set; } = 60;

    public long MaxFileBytes => MaxFileSizeMegabytes * 1024L * 1024L;
}
