namespace SelfService.Domain.People;

public enum ParentRelationship
{
    Mother,
    Father,
    Carer,
    Guardian,
    FosterCarer,
    Other,
}

/// <summary>A parent or carer contact.</summary>
public sealed class ParentCarer
{
    public ParentCarer(Guid id, string firstName, string lastName, string email, string postcode)
    {
        Id = id;
        FirstName = firstName;
        LastName = lastName;
        Email = email;
        Postcode = postcode;
    }

    public Guid Id { get; private set; }

    public string FirstName { get; private set; }

    public string LastName { get; private set; }

    public string Email { get; private set; }

    public string? Phone { get; private set; }

    public string Postcode { get; private set; }

    public string DisplayName => $"{FirstName} {LastName}";

    public void SetPhone(string? phone) => Phone = phone;
}

/// <summary>Links a parent or carer to a child; only linked, responsible adults may see the child's case.</summary>
public sealed class ChildParent
{
    public ChildParent(Guid childId, Guid parentCarerId, ParentRelationship relationship, bool hasParentalResponsibility)
    {
        ChildId = childId;
        ParentCarerId = parentCarerId;
        Relationship = relationship;
        HasParentalResponsibility = hasParentalResponsibility;
    }

    public Guid ChildId { get; private set; }

    public Guid ParentCarerId { get; private set; }

    public ParentRelationship Relationship { get; private set; }

    public bool HasParentalResponsibility { get; private set; }
}
