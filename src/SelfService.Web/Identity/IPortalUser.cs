using SelfService.Domain.Access;

namespace SelfService.Web.Identity;

/// <summary>The person behind the current request, for pages, APIs and the bot alike.</summary>
public interface IPortalUser
{
    bool IsSignedIn { get; }

    /// <summary>The signed-in account; <see cref="Guid.Empty"/> when signed out.</summary>
    Guid AccountId { get; }

    /// <summary>The signed-in address, normalised to lower case; empty when signed out.</summary>
    string Email { get; }

    /// <summary>Loads the account's roles and links from the case store (once per request).</summary>
    Task<Viewer> GetViewerAsync(CancellationToken cancellationToken = default);
}
