namespace SelfService.Domain.Assessments;

/// <summary>Who is recording a change and when (an instant, UTC). Passed in so the domain reads no clock.</summary>
public sealed record Recording(string By, DateTime AtUtc)
{
    public DateTime AtUtc { get; } = AtUtc.Kind == DateTimeKind.Utc
        ? AtUtc
        : throw new ArgumentException("Record instants in UTC.", nameof(AtUtc));
}
