namespace SelfService.Domain.Enquiries;

/// <summary>
/// An office caseworker acting for one councillor or MP: they log and follow that member's
/// enquiries, and see exactly what the member would, never more.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "A delegate is the councils' own word for a member's office caseworker, not a .NET delegate.")]
public sealed class MemberDelegate
{
    public MemberDelegate(Guid id, Guid electedMemberId, string name, string email)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        Id = id;
        ElectedMemberId = electedMemberId;
        Name = name;
        Email = email;
        Active = true;
    }

    public Guid Id { get; private set; }

    public Guid ElectedMemberId { get; private set; }

    public string Name { get; private set; }

    /// <summary>The address they sign in with, normalised like every stored address.</summary>
    public string Email { get; private set; }

    /// <summary>A delegate who leaves the member's office loses access at once.</summary>
    public bool Active { get; private set; }

    public void Deactivate() => Active = false;
}
