using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace SelfService.Data.Complaints;

/// <summary>The last complaint number given out in a year.</summary>
public sealed class ComplaintReferenceCounter(int year, int lastNumber)
{
    public int Year { get; private set; } = year;

    public int LastNumber { get; private set; } = lastNumber;
}

/// <summary>
/// Numbers complaints <c>CMP-{year}-{5 digits}</c> the way cases are numbered: one counter row per
/// year bumped by an upsert inside the caller's transaction, never max+1.
/// </summary>
public static class ComplaintReferences
{
    public const string Prefix = "CMP-";

    private const string NextNumberSql =
        "INSERT INTO \"ComplaintReferenceCounters\" (\"Year\", \"LastNumber\") VALUES ({0}, 1) " +
        "ON CONFLICT (\"Year\") DO UPDATE SET \"LastNumber\" = \"ComplaintReferenceCounters\".\"LastNumber\" + 1 " +
        "RETURNING \"LastNumber\"";

    public static async Task<string> NextAsync(CaseStoreDbContext db, int year, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var numbers = await db.Database.SqlQueryRaw<int>(NextNumberSql, year).ToListAsync(cancellationToken);
        return Format(year, numbers.Single());
    }

    public static string Format(int year, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}{year}-{number:D5}");
}
