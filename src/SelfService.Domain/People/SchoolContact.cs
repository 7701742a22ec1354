namespace SelfService.Domain.People;

public enum SchoolContactRole
{
    Senco,
    Headteacher,
    SharedMailbox,
}

/// <summary>
/// Someone acting for a school. Access to a school's requests belongs to the school, not to the
/// person, so it survives staff leaving (a shared mailbox is a contact too).
/// </summary>
public sealed class SchoolContact
{
    public SchoolContact(Guid id, Guid schoolId, string name, string email, SchoolContactRole role)
    {
        Id = id;
        SchoolId = schoolId;
        Name = name;
        Email = email;
        Role = role;
    }

    public Guid Id { get; private set; }

    public Guid SchoolId { get; private set; }

    public string Name { get; private set; }

    public string Email { get; private set; }

    public SchoolContactRole Role { get; private set; }

    public bool Active { get; private set; } = true;

    public void Deactivate() => Active = false;
}
