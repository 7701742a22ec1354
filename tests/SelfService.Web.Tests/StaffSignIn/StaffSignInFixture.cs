using Microsoft.Extensions.DependencyInjection;
using SelfService.Data;

namespace SelfService.Web.Tests.StaffSignIn;

/// <summary>One loopback provider and one app for a test class; tests in a class run one at a time.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit ends a fixture through IAsyncLifetime.DisposeAsync.")]
public sealed class StaffSignInFixture : IAsyncLifetime
{
    public const string NewCaseworker = "new.caseworker@council.example.gov.uk";
    public const string ExistingOfficer = "existing.officer@council.example.gov.uk";
    public const string GroupAdministrator = "group.admin@council.example.gov.uk";
    public const string NoRole = "finance.officer@council.example.gov.uk";
    public const string Caseworker = "signing.out@council.example.gov.uk";
    public const string Tampered = "tampered.token@council.example.gov.uk";

    private LoopbackOpenIdProvider? _provider;
    private StaffSignInWebAppFactory? _app;

    public static IReadOnlyList<ProviderAccount> Accounts { get; } =
    [
        new(NewCaseworker, NewCaseworker, "Priya Shah", Roles: [StaffSignInWebAppFactory.CaseworkerRole]),
        new(ExistingOfficer, "Existing.Officer@Council.Example.gov.uk", "Sam Okoro", Roles: [StaffSignInWebAppFactory.ManagerRole, "Some.Other.App.Role"]),
        new(GroupAdministrator, GroupAdministrator, "Alex Morgan", Groups: [StaffSignInWebAppFactory.AdministratorsGroup, "11111111-2222-3333-4444-555555555555"]),
        new(NoRole, NoRole, "Ruth Finch", Roles: ["Finance.Reader"]),
        new(Caseworker, Caseworker, "Lee Ward", Roles: [StaffSignInWebAppFactory.CaseworkerRole]),
        new(Tampered, Tampered, "Tam Pered", Roles: [StaffSignInWebAppFactory.CaseworkerRole]),
    ];

    public LoopbackOpenIdProvider Provider => _provider ?? throw new InvalidOperationException("Not started.");

    public StaffSignInWebAppFactory App => _app ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        _provider = await LoopbackOpenIdProvider.StartAsync(Accounts, [StaffSignInWebAppFactory.CallbackUri], [StaffSignInWebAppFactory.SignedOutUri]);
        _app = new StaffSignInWebAppFactory(_provider.Issuer);
    }

    public async Task<T> WithStoreAsync<T>(Func<CaseStoreDbContext, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = App.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<CaseStoreDbContext>());
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }
    }
}
