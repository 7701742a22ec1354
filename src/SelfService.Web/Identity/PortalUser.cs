using System.Security.Claims;
using Microsoft.Extensions.Options;
using SelfService.Data;
using SelfService.Data.Access;
using SelfService.Domain.Access;
using SelfService.Web.Hosting;

namespace SelfService.Web.Identity;

/// <summary>
/// The signed-in person for this request, from the session cookie; their roles come from the case
/// store by email address, looked up once per request so a removed link stops access at once.
/// </summary>
public sealed class PortalUser(
    IHttpContextAccessor http, CaseStoreDbContext db, UkClock clock, IOptions<SignInOptions> options, IHostEnvironment environment) : IPortalUser
{
    private Task<Viewer>? _viewer;

    public bool IsSignedIn => AccountId != Guid.Empty;

    public Guid AccountId =>
        Principal?.Identity?.IsAuthenticated == true && Guid.TryParse(Principal.FindFirst(ClaimTypes.NameIdentifier)?.Value, out var id) ? id : Guid.Empty;

    public string Email => IsSignedIn ? Principal?.FindFirst(ClaimTypes.Email)?.Value ?? string.Empty : string.Empty;

    private ClaimsPrincipal? Principal => http.HttpContext?.User;

    public Task<Viewer> GetViewerAsync(CancellationToken cancellationToken = default) =>
        _viewer ??= IsSignedIn ? LoadAsync(AccountId, Email, cancellationToken) : Task.FromResult(Viewer.Anonymous);

    private Task<Viewer> LoadAsync(Guid accountId, string email, CancellationToken cancellationToken) =>
        db.ForAccountAsync(accountId, email, clock.Today(), options.Value.StaffByEmailCode ?? environment.IsDevelopment(), cancellationToken);
}
