using System.ComponentModel.DataAnnotations;

namespace SelfService.Web.Hosting;

/// <summary>The council running this instance of the service (configuration section "Council").</summary>
public sealed class CouncilOptions
{
    public const string SectionName = "Council";

    [Required]
    public string Name { get; set; } = "Leeds City Council";

    /// <summary>Where the beta banner's feedback link sends email.</summary>
    [Required]
    [EmailAddress]
    public string FeedbackEmail { get; set; } = string.Empty;

    /// <summary>The SEND (EHC) team's public inbox, shown on the help and statement pages.</summary>
    [Required]
    [EmailAddress]
    public string SendTeamEmail { get; set; } = string.Empty;

    /// <summary>The council's data protection officer, named in the privacy notice.</summary>
    [Required]
    [EmailAddress]
    public string DataProtectionEmail { get; set; } = string.Empty;
}
