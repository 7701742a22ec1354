using Microsoft.EntityFrameworkCore;
using SelfService.Data;

namespace SelfService.Web.Pages.Staff.Enquiries;

/// <summary>Staff names by id, for showing who an enquiry is assigned to.</summary>
public sealed class StaffDirectory(CaseStoreDbContext db)
{
    public async Task<IReadOnlyDictionary<Guid, string>> StaffNamesAsync(CancellationToken cancellationToken) =>
        await db.StaffMembers.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
}
