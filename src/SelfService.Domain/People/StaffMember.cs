namespace SelfService.Domain.People;

public enum StaffRole
{
    Caseworker,
    ServiceManager,
    Administrator,
}

/// <summary>A council officer in the SEND service.</summary>
public sealed class StaffMember
{
    public StaffMember(Guid id, string name, string email, StaffRole role, string team)
    {
        Id = id;
        Name = name;
        Email = email;
        Role = role;
        Team = team;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    public string Email { get; private set; }

    public StaffRole Role { get; private set; }

    /// <summary>The SEN assessment team, usually by area (e.g. "North East").</summary>
    public string Team { get; private set; }

    public string? Phone { get; private set; }

    public void SetPhone(string? phone) => Phone = phone;
}
