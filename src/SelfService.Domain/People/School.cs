namespace SelfService.Domain.People;

public enum SchoolPhase
{
    EarlyYears,
    Infant,
    Junior,
    Primary,
    Middle,
    Secondary,
    AllThrough,
    Special,
    PostSixteen,
    AlternativeProvision,
}

/// <summary>A school or setting, identified nationally by its unique reference number (URN).</summary>
public sealed class School
{
    public School(Guid id, string urn, string name, SchoolPhase phase, string postcode)
    {
        if (urn.Length is < 6 or > 7 || !urn.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("A URN is 6 or 7 digits.", nameof(urn));
        }

        Id = id;
        Urn = urn;
        Name = name;
        Phase = phase;
        Postcode = postcode;
    }

    public Guid Id { get; private set; }

    public string Urn { get; private set; }

    public string Name { get; private set; }

    public SchoolPhase Phase { get; private set; }

    public string Postcode { get; private set; }
}
