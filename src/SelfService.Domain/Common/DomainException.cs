namespace SelfService.Domain.Common;

/// <summary>
/// A rule of the SEND process was broken (an illegal transition, a date out of order).
/// The message is written for the person who made the change, so callers can show it as is.
/// </summary>
public sealed class DomainException : Exception
{
    public DomainException(string code, string message) : base(message) => Code = code;

    public DomainException() : this("domain.error", "The change is not allowed.") { }

    public DomainException(string message) : this("domain.error", message) { }

    public DomainException(string message, Exception innerException) : base(message, innerException) => Code = "domain.error";

    /// <summary>A stable machine-readable code, e.g. <c>case.closed</c>.</summary>
    public string Code { get; }
}
