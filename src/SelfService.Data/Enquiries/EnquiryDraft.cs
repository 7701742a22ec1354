using Microsoft.EntityFrameworkCore;
using SelfService.Domain.Enquiries;

namespace SelfService.Data.Enquiries;

/// <summary>
/// A checked enquiry waiting on the check-answers page. Kept in the store, not the session, so
/// nothing typed is lost between the form and sending, and sending twice logs it once.
/// </summary>
public sealed class EnquiryDraft
{
    public EnquiryDraft(Guid id, Guid accountId, EnquiryAnswers answers, DateTime createdAtUtc)
    {
        Id = id;
        AccountId = accountId;
        Answers = answers;
        CreatedAtUtc = createdAtUtc;
    }

    private EnquiryDraft()
    {
        Answers = null!;
    }

    public Guid Id { get; private set; }

    public Guid AccountId { get; private set; }

    public EnquiryAnswers Answers { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>The enquiry it became, once sent.</summary>
    public string? EnquiryReference { get; private set; }

    public void Change(EnquiryAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        Answers = answers;
    }

    public void MarkSent(string reference) => EnquiryReference = reference;
}

/// <summary>The last enquiry number given out in a year; bumped inside the transaction that logs the enquiry.</summary>
public sealed class EnquiryReferenceCounter(int year, int lastNumber)
{
    public int Year { get; private set; } = year;

    public int LastNumber { get; private set; } = lastNumber;
}

/// <summary>Numbers enquiries <c>MQ-{year}-{5 digits}</c> from one counter row per year, like case references.</summary>
public static class EnquiryReferences
{
    private const string NextNumberSql =
        "INSERT INTO \"EnquiryReferenceCounters\" (\"Year\", \"LastNumber\") VALUES ({0}, 1) " +
        "ON CONFLICT (\"Year\") DO UPDATE SET \"LastNumber\" = \"EnquiryReferenceCounters\".\"LastNumber\" + 1 " +
        "RETURNING \"LastNumber\"";

    /// <summary>Call inside a transaction, so the number and the enquiry it names commit together.</summary>
    public static async Task<string> NextAsync(CaseStoreDbContext db, int year, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var numbers = await db.Database.SqlQueryRaw<int>(NextNumberSql, year).ToListAsync(cancellationToken);
        return MemberEnquiry.FormatReference(year, numbers.Single());
    }
}
