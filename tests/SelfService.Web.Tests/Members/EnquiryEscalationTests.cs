using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SelfService.Data.DemoData;
using SelfService.Data.Enquiries;
using SelfService.Web.Tests.Support;

namespace SelfService.Web.Tests.Members;

/// <summary>An enquiry left unanswered past its reply date is escalated to the service manager, once.</summary>
public sealed class EnquiryEscalationTests(EscalationWebAppFactory factory) : IClassFixture<EscalationWebAppFactory>
{
    [Fact]
    public async Task An_overdue_enquiry_emails_the_service_manager_once()
    {
        var councillor = await factory.ClientForAsync(DemoCast.CouncillorEmail);
        var reference = await MemberEnquiryForms.SendAsync(councillor, "Jacob", consent: false);
        var mailbox = Mailbox.PickupFolder(factory);

        // Reply due Tuesday 12 January 2027: on Wednesday 13th it is overdue.
        factory.Time.Offset += TimeSpan.FromDays(new DateOnly(2027, 1, 13).DayNumber - new DateOnly(2026, 12, 24).DayNumber);
        Assert.Equal(new DateOnly(2027, 1, 13), factory.Today());

        var email = await mailbox.WaitForAsync(m => m.To == DemoCast.ServiceManagerEmail && m.Subject == $"Overdue members' enquiry {reference}");
        Assert.Contains("Reply was due by: Tuesday 12 January 2027", email.Body, StringComparison.Ordinal);
        Assert.Contains(DemoCast.CouncillorName, email.Body, StringComparison.Ordinal);

        // Another look, as a second server would make, finds nothing left to escalate.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var escalator = scope.ServiceProvider.GetRequiredService<EnquiryEscalator>();
            var contact = scope.ServiceProvider.GetRequiredService<Web.Enquiries.EnquiryContact>().Current;
            Assert.Equal(0, await escalator.RunAsync(factory.Today(), factory.Time.GetUtcNow().UtcDateTime, contact, []));
        }

        var toJanet = await factory.WithStoreAsync(db => db.OutboxMessages
            .Where(m => m.Recipient == DemoCast.ServiceManagerEmail && m.Subject == $"Overdue members' enquiry {reference}")
            .CountAsync());
        Assert.Equal(1, toJanet);
        Assert.Single(mailbox.To(DemoCast.ServiceManagerEmail), m => m.Subject.Contains(reference, StringComparison.Ordinal));
    }
}
