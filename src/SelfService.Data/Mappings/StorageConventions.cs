using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SelfService.Domain.Assessments;
using SelfService.Domain.People;
using SelfService.Domain.Plans;

namespace SelfService.Data.Mappings;

/// <summary>Type-wide storage rules, so every mapping stores enums and instants the same way.</summary>
internal static class StorageConventions
{
    /// <summary>Room for the longest enum name with growth; names, not numbers, so reordering an enum cannot corrupt data.</summary>
    public const int EnumLength = 40;

    public const int NameLength = 100;

    public const int FullNameLength = 200;

    /// <summary>RFC 5321's practical limit for an address.</summary>
    public const int EmailLength = 254;

    public const int PostcodeLength = 8;

    public const int PhoneLength = 20;

    public const int ReferenceLength = 30;

    public const int ReasonLength = 2000;

    public const int ActorLength = 200;

    public static void Apply(ModelConfigurationBuilder builder, bool isSqlite)
    {
        Enum<SchoolPhase>(builder);
        Enum<ParentRelationship>(builder);
        Enum<StaffRole>(builder);
        Enum<ElectedMemberKind>(builder);
        Enum<SchoolContactRole>(builder);
        Enum<Requester>(builder);
        Enum<RequestRoute>(builder);
        Enum<CaseStage>(builder);
        Enum<AdviserKind>(builder);
        Enum<ExceptionKind>(builder);
        Enum<PhaseTransferKind>(builder);
        Enum<ReviewDecision>(builder);

        if (isSqlite)
        {
            // SQLite keeps instants as text without a zone, so they read back as Unspecified;
            // every instant in this store is UTC, so say so on the way out.
            builder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
            builder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
        }
    }

    private static void Enum<TEnum>(ModelConfigurationBuilder builder)
        where TEnum : struct, Enum
    {
        builder.Properties<TEnum>().HaveConversion<string>().HaveMaxLength(EnumLength);
        builder.Properties<TEnum?>().HaveConversion<string>().HaveMaxLength(EnumLength);
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        value => value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value,
        value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
