namespace SelfService.Web.Enquiries;

/// <summary>The <c>Enquiries</c> settings: how often overdue members' enquiries are looked for, and who hears of them.</summary>
public sealed class EnquiryOptions
{
    public const string SectionName = "Enquiries";

    /// <summary>Seconds between looks for overdue enquiries; escalation is once per enquiry whatever the interval.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 86_400)]
    public int EscalationIntervalSeconds { get; set; } = 900;

    /// <summary>Addresses told of an overdue enquiry; when empty, every service manager in the staff records.</summary>
    public IList<string> EscalateTo { get; } = [];
}
