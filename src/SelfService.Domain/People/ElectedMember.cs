namespace SelfService.Domain.People;

public enum ElectedMemberKind
{
    Councillor,
    MemberOfParliament,
}

/// <summary>A councillor (for a ward) or an MP (for a constituency) raising constituents' casework.</summary>
public sealed class ElectedMember
{
    public ElectedMember(Guid id, ElectedMemberKind kind, string name, string email, string area, string? party)
    {
        Id = id;
        Kind = kind;
        Name = name;
        Email = email;
        Area = area;
        Party = party;
    }

    public Guid Id { get; private set; }

    public ElectedMemberKind Kind { get; private set; }

    public string Name { get; private set; }

    public string Email { get; private set; }

    /// <summary>Ward for a councillor, constituency for an MP.</summary>
    public string Area { get; private set; }

    public string? Party { get; private set; }
}
