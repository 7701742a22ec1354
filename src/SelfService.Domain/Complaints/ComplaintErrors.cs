namespace SelfService.Domain.Complaints;

/// <summary>The <see cref="Common.DomainException.Code"/> values a complaint raises, for callers to match on.</summary>
public static class ComplaintErrors
{
    public const string NotAtThisStep = "complaint.notAtThisStep";
    public const string DateOutOfOrder = "complaint.dateOutOfOrder";
    public const string Stage2WindowClosed = "complaint.stage2WindowClosed";
    public const string Stage2WindowOpen = "complaint.stage2WindowOpen";
    public const string AlreadyExtended = "complaint.alreadyExtended";
    public const string TextRequired = "complaint.textRequired";
    public const string ConsentRequired = "complaint.consentRequired";
}
