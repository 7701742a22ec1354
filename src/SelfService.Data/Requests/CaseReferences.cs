using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace SelfService.Data.Requests;

/// <summary>
/// Numbers new cases <c>EHC-{year}-{6 digits}</c>. The next number comes from one counter row per
/// year, bumped by a single upsert inside the caller's transaction: the row lock (PostgreSQL) or
/// the write lock (SQLite) makes concurrent requests wait for each other, and a rolled-back
/// request gives its number back. Never max+1, which two requests can read at once.
/// </summary>
public static class CaseReferences
{
    public const string Prefix = "EHC-";

    // ON CONFLICT ... RETURNING is the same on both providers (SQLite 3.35+).
    private const string NextNumberSql =
        "INSERT INTO \"CaseReferenceCounters\" (\"Year\", \"LastNumber\") VALUES ({0}, 1) " +
        "ON CONFLICT (\"Year\") DO UPDATE SET \"LastNumber\" = \"CaseReferenceCounters\".\"LastNumber\" + 1 " +
        "RETURNING \"LastNumber\"";

    /// <summary>Call inside a transaction, so the number and the case it names commit together.</summary>
    public static async Task<string> NextAsync(CaseStoreDbContext db, int year, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var numbers = await db.Database.SqlQueryRaw<int>(NextNumberSql, year).ToListAsync(cancellationToken);
        return Format(year, numbers.Single());
    }

    public static string Format(int year, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}{year}-{number:D6}");
}
