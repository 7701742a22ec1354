namespace SelfService.Domain.People;

/// <summary>A child or young person (0-25) known to the SEND service.</summary>
public sealed class Child
{
    public Child(Guid id, string firstName, string lastName, DateOnly dateOfBirth, string postcode)
    {
        Id = id;
        FirstName = firstName;
        LastName = lastName;
        DateOfBirth = dateOfBirth;
        Postcode = postcode;
    }

    public Guid Id { get; private set; }

    public string FirstName { get; private set; }

    public string LastName { get; private set; }

    /// <summary>The name the child is known by ("Sam" for Samuel); families use it when they ask about a case.</summary>
    public string? KnownAs { get; private set; }

    public DateOnly DateOfBirth { get; private set; }

    public string Postcode { get; private set; }

    public Guid? SchoolId { get; private set; }

    /// <summary>A young person's own email, used once they act for themselves (from 16).</summary>
    public string? Email { get; private set; }

    public string DisplayName => $"{KnownAs ?? FirstName} {LastName}";

    public void AttendSchool(Guid? schoolId) => SchoolId = schoolId;

    public void SetKnownAs(string? knownAs) => KnownAs = string.IsNullOrWhiteSpace(knownAs) ? null : knownAs.Trim();

    public void SetOwnEmail(string? email) => Email = email;

    public int AgeOn(DateOnly date)
    {
        var age = date.Year - DateOfBirth.Year;
        return DateOfBirth.AddYears(age) > date ? age - 1 : age;
    }

    /// <summary>From 16 (the end of compulsory school age in practice) to 25 the rights pass to the young person.</summary>
    public bool IsYoungPersonOn(DateOnly date) => AgeOn(date) is >= 16 and <= 25;
}
