using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using SelfService.Data;
using SelfService.Data.Storage;

namespace SelfService.Web.Identity;

/// <summary>
/// Keeps the data-protection key ring in the case store, so instances behind a load balancer
/// accept each other's sign-in cookies and antiforgery tokens, and a restored backup keeps people
/// signed in. The key manager calls this rarely (start-up, then about once a day), so a
/// short-lived context per call is enough.
/// </summary>
public sealed class CaseStoreXmlRepository(IServiceScopeFactory scopes, TimeProvider time) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseStoreDbContext>();
        return db.Set<DataProtectionKeyRecord>().AsNoTracking()
            .OrderBy(k => k.CreatedAtUtc)
            .Select(k => k.Xml)
            .AsEnumerable()
            .Select(XElement.Parse)
            .ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseStoreDbContext>();
        var name = friendlyName.Length > DataProtectionKeyRecord.FriendlyNameLength ? friendlyName[..DataProtectionKeyRecord.FriendlyNameLength] : friendlyName;
        db.Set<DataProtectionKeyRecord>().Add(new DataProtectionKeyRecord(Guid.NewGuid(), name, element.ToString(SaveOptions.DisableFormatting), time.GetUtcNow().UtcDateTime));
        db.SaveChanges();
    }
}
