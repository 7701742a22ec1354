using SelfService.Data;
using SelfService.Data.DemoData;
using SelfService.Domain.Assessments;
using SelfService.Domain.People;
using SelfService.Web.Tests.Cases;

namespace SelfService.Web.Tests.Casework;

internal static class CaseworkFixtures
{
    /// <summary>A new child of Helen Carter's whose request arrived <paramref name="daysAgo"/> days ago.</summary>
    public static async Task<(Guid CaseId, string Reference)> OpenNewRequestForHelenAsync(this SeededWebAppFactory factory, int daysAgo)
    {
        var reference = $"EHC-2026-{Random.Shared.Next(900000, 999999)}";
        var caseId = Guid.NewGuid();
        var receivedOn = factory.Today().AddDays(-daysAgo);
        await factory.WithStoreAsync(async db =>
        {
            var child = new Child(Guid.NewGuid(), "Rosie", "Carter", new DateOnly(2019, 4, 2), "LS7 3AB");
            db.Children.Add(child);
            db.ChildParents.Add(new ChildParent(child.Id, DemoCast.ParentId, ParentRelationship.Mother, hasParentalResponsibility: true));
            await db.SaveChangesAsync();
            await new CaseCommands(db).OpenAsync(caseId, reference, child.Id, new RequestReceived(Guid.NewGuid(), receivedOn, Requester.Parent, null, null), new Recording(DemoCast.CaseworkerEmail, DateTime.UtcNow));
            return 0;
        });
        return (caseId, reference);
    }
}
