namespace SelfService.Domain.Enquiries;

/// <summary>What the constituent is worried about, as the members' inbox groups and counts it.</summary>
public enum EnquiryCategory
{
    Delay,
    SchoolPlacement,
    Transport,
    Communication,
    Other,
}

/// <summary>How the constituent told the member they may share their case.</summary>
public enum EnquiryConsentMethod
{
    Written,
    Email,
    Verbal,
}

/// <summary>Where an enquiry is: logged → acknowledged → answered → closed. Each step only moves forward.</summary>
public enum EnquiryStatus
{
    Logged,
    Acknowledged,
    Answered,
    Closed,
}

/// <summary>Red, amber or green against the next service-level date.</summary>
public enum EnquiryRag
{
    Green,
    Amber,
    Red,
}

public static class EnquiryText
{
    public static string Category(EnquiryCategory category) => category switch
    {
        EnquiryCategory.Delay => "Delay",
        EnquiryCategory.SchoolPlacement => "School placement",
        EnquiryCategory.Transport => "Transport",
        EnquiryCategory.Communication => "Communication",
        _ => "Other",
    };

    public static string ConsentMethod(EnquiryConsentMethod method) => method switch
    {
        EnquiryConsentMethod.Written => "In writing",
        EnquiryConsentMethod.Email => "By email",
        _ => "Verbally",
    };

    public static string Status(EnquiryStatus status) => status switch
    {
        EnquiryStatus.Logged => "Logged",
        EnquiryStatus.Acknowledged => "Acknowledged",
        EnquiryStatus.Answered => "Answered",
        _ => "Closed",
    };

    public static string Rag(EnquiryRag rag) => rag switch
    {
        EnquiryRag.Red => "Overdue",
        EnquiryRag.Amber => "Due soon",
        _ => "On track",
    };
}
