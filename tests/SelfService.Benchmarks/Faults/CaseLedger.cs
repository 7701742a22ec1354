using Microsoft.EntityFrameworkCore;
using SelfService.Data;

namespace SelfService.Benchmarks.Faults;

/// <summary>
/// What the case store holds after a fault, read straight from the database (not through the
/// app): every case with its child's first name, which is unique to one draft in these runs, so a
/// duplicate shows as two cases for one name whatever the draft rows say.
/// </summary>
internal static class CaseLedger
{
    public static async Task<ILookup<string, string>> ReferencesByChildAsync(CaseStoreOptions store)
    {
        var builder = new DbContextOptionsBuilder<CaseStoreDbContext>();
        builder.UseCaseStore(store);
        await using var db = new CaseStoreDbContext(builder.Options);
        var rows = await db.AssessmentCases.AsNoTracking()
            .Join(db.Children, c => c.ChildId, ch => ch.Id, (c, ch) => new { c.Reference, ch.FirstName })
            .ToListAsync();
        return rows.ToLookup(r => r.FirstName, r => r.Reference, StringComparer.Ordinal);
    }

    /// <summary>How many cases carry this reference (it must be one).</summary>
    public static int Count(ILookup<string, string> ledger, string reference) =>
        ledger.SelectMany(g => g).Count(r => r == reference);

    /// <summary>A first name made of letters only (the name check allows no digits) that tells one draft from another.</summary>
    public static string ChildName(string prefix, int index)
    {
        var letters = new System.Text.StringBuilder();
        var n = index;
        do
        {
            letters.Insert(0, (char)('a' + (n % 26)));
            n /= 26;
        }
        while (n > 0);

        return prefix + letters;
    }
}
