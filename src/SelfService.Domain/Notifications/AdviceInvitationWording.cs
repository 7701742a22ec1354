using SelfService.Domain.Assessments;
using SelfService.Domain.Performance;

namespace SelfService.Domain.Notifications;

/// <summary>
/// The email asking an adviser for their advice. It names the case only by reference: the child's
/// name is shown on the upload page, to whoever holds the link, not sent across the internet in clear.
/// </summary>
public static class AdviceInvitationWording
{
    public static (string Subject, string Body) For(string councilName, string reference, AdviserKind adviser, DateOnly requestedOn, DateOnly dueOn, string link) =>
        ($"Advice requested for EHC needs assessment {reference}",
         string.Join(
             Environment.NewLine,
             $"{councilName} is carrying out an Education, Health and Care needs assessment (reference {reference}) and asks for your advice ({AdviceTimeliness.Describe(adviser).ToLowerInvariant()}).",
             string.Empty,
             $"We asked on {CaseUpdateWording.LongDate(requestedOn)}. The law gives 6 weeks, so please upload your advice by {CaseUpdateWording.LongDate(dueOn)}:",
             link,
             string.Empty,
             "The link works only for this request; do not forward it. It shows who the child is once opened, and stops working when your advice has been received.",
             "If you cannot give advice by then, reply to this email and tell us why."));
}
