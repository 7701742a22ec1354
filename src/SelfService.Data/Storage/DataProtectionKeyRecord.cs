using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SelfService.Data.Storage;

/// <summary>
/// One ASP.NET Core data-protection key, as the XML the key manager writes. Kept in the case store
/// so every instance signs and reads sign-in cookies and antiforgery tokens with the same keys.
/// </summary>
public sealed class DataProtectionKeyRecord(Guid id, string friendlyName, string xml, DateTime createdAtUtc)
{
    public const int FriendlyNameLength = 200;

    public Guid Id { get; private set; } = id;

    public string FriendlyName { get; private set; } = friendlyName;

    public string Xml { get; private set; } = xml;

    public DateTime CreatedAtUtc { get; private set; } = createdAtUtc;
}

internal sealed class DataProtectionKeyRecordMapping : IEntityTypeConfiguration<DataProtectionKeyRecord>
{
    public void Configure(EntityTypeBuilder<DataProtectionKeyRecord> builder)
    {
        builder.ToTable("DataProtectionKeys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Id).ValueGeneratedNever();
        builder.Property(k => k.FriendlyName).HasMaxLength(DataProtectionKeyRecord.FriendlyNameLength).IsRequired();
        builder.Property(k => k.Xml).IsRequired();
    }
}
