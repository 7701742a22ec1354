using SelfService.Data.Enquiries;
using SelfService.Domain.Access;
using SelfService.Domain.Calendar;
using SelfService.Domain.Enquiries;
using SelfService.Web.Enquiries;
using SelfService.Web.Hosting;
using SelfService.Web.Identity;
using SelfService.Web.Pages.Cases;
using SelfService.Web.Pages.Components;

namespace SelfService.Web.Pages.Members.Enquiries;

/// <summary>What the members' pages share, in one parameter.</summary>
public sealed class EnquiryPageServices(MemberEnquiryStore store, IPortalUser user, TimeProvider time, UkClock clock, EnquiryContact contact)
{
    public MemberEnquiryStore Store { get; } = store;

    public IPortalUser User { get; } = user;

    public EnquiryContact Contact { get; } = contact;

    public DateTime NowUtc => time.GetUtcNow().UtcDateTime;

    public DateOnly Today => clock.Today();

    /// <summary>The viewer, when they are a councillor, an MP or an active delegate of one; otherwise null (the pages then answer 404).</summary>
    public async Task<Viewer?> MemberAsync(CancellationToken cancellationToken)
    {
        var viewer = await User.GetViewerAsync(cancellationToken);
        return viewer.ActingForMemberId is null ? null : viewer;
    }
}

/// <summary>Words and options for the members' enquiry pages.</summary>
public static class EnquiryPageText
{
    public static readonly IReadOnlyList<ChoiceOption> Categories =
    [
        .. Enum.GetValues<EnquiryCategory>().Select(c => new ChoiceOption(c.ToString(), EnquiryText.Category(c))),
    ];

    public static readonly IReadOnlyList<ChoiceOption> YesNo = [new("yes", "Yes"), new("no", "No")];

    public static readonly IReadOnlyList<ChoiceOption> ConsentMethods =
    [
        new(nameof(EnquiryConsentMethod.Written), "In writing, on a signed form or letter"),
        new(nameof(EnquiryConsentMethod.Email), "By email"),
        new(nameof(EnquiryConsentMethod.Verbal), "Verbally, in person or by phone"),
    ];

    public static string Date(DateOnly date) => UkDate.DayMonthYear(date);

    public static CaseTag StatusTag(EnquiryStatus status) => status switch
    {
        EnquiryStatus.Logged => new("Logged", "blue"),
        EnquiryStatus.Acknowledged => new("Acknowledged", "light-blue"),
        EnquiryStatus.Answered => new("Answered", "green"),
        _ => new("Closed", "grey"),
    };

    public static CaseTag RagTag(EnquiryRag? rag) => rag switch
    {
        EnquiryRag.Red => new("Overdue", "red"),
        EnquiryRag.Amber => new("Due soon", "yellow"),
        EnquiryRag.Green => new("On track", "green"),
        _ => new("Done", "grey"),
    };
}
