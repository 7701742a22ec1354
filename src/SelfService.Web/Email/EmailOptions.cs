using System.ComponentModel.DataAnnotations;

namespace SelfService.Web.Email;

/// <summary>How email leaves the service (section <c>Email</c>).</summary>
public sealed class EmailOptions
{
    public const string SectionName = "Email";

    public const string DefaultPickupDirectory = "mail-pickup";

    /// <summary>The From address, optionally with a display name: <c>Leeds SEND team &lt;send@leeds.example&gt;</c>.</summary>
    [Required]
    public string From { get; set; } = "SEND Self-Service <no-reply@example.org>";

    /// <summary>
    /// Where messages are written as <c>.eml</c> files when no SMTP host is configured (always in
    /// Development; elsewhere only when set). Relative paths are inside the data directory.
    /// </summary>
    public string? PickupDirectory { get; set; }

    public SmtpOptions Smtp { get; set; } = new();

    public OutboxWorkerOptions Worker { get; set; } = new();
}

public sealed class SmtpOptions
{
    /// <summary>The relay to send through; empty means "no SMTP" (pickup folder in Development).</summary>
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 25;

    public bool EnableSsl { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>Kept well below <see cref="OutboxWorkerOptions.ClaimDuration"/> so a slow send cannot outlive its claim.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);
}

public sealed class OutboxWorkerOptions
{
    /// <summary>Run the worker in this instance. Turn off on instances that should only serve pages.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the worker looks for due messages; a new sign-in code also wakes it at once.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    [Range(1, 1000)]
    public int BatchSize { get; set; } = 20;

    /// <summary>How long a worker's claim on a message lasts; after that another worker may take it.</summary>
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries double from <see cref="FirstRetryDelay"/> up to this; they never stop, so nothing is lost.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(30);
}
