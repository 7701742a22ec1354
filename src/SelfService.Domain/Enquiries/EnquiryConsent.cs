namespace SelfService.Domain.Enquiries;

/// <summary>
/// The constituent's consent to share their case with the member: who gave it, how and when.
/// Without it an enquiry is still dealt with, but the reply may only give general information.
/// </summary>
public sealed class EnquiryConsent
{
    public EnquiryConsent(Guid enquiryId, string givenBy, EnquiryConsentMethod method, DateOnly givenOn)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(givenBy);
        EnquiryId = enquiryId;
        GivenBy = givenBy;
        Method = method;
        GivenOn = givenOn;
    }

    public Guid EnquiryId { get; private set; }

    public string GivenBy { get; private set; }

    public EnquiryConsentMethod Method { get; private set; }

    public DateOnly GivenOn { get; private set; }

    /// <summary>The uploaded evidence (a signed form, an email), if any: its name as uploaded.</summary>
    public string? EvidenceFileName { get; private set; }

    /// <summary>The evidence file's name in document storage.</summary>
    public string? EvidenceStoredName { get; private set; }

    public void AttachEvidence(string fileName, string storedName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentException.ThrowIfNullOrWhiteSpace(storedName);
        EvidenceFileName = fileName;
        EvidenceStoredName = storedName;
    }
}
