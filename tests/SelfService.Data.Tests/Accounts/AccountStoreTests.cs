using Microsoft.EntityFrameworkCore;
using SelfService.Data.Accounts;
using SelfService.Data.Tests.Infrastructure;

namespace SelfService.Data.Tests.Accounts;

public abstract class AccountStoreTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    [Fact]
    public async Task An_account_comes_back_with_its_address_normalised_and_its_instants_in_UTC()
    {
        var created = new DateTime(2026, 11, 22, 7, 30, 0, DateTimeKind.Utc);
        var account = new UserAccount(Guid.NewGuid(), $"  Helen.Carter.{Guid.NewGuid():N}@Example.COM ", created);
        account.RecordSignIn(created.AddMinutes(1));
        account.SetDisplayName("  Helen Carter ");
        await using (var db = database.NewContext())
        {
            db.Add(account);
            await db.SaveChangesAsync();
        }

        await using var fresh = database.NewContext();
        var loaded = await fresh.Set<UserAccount>().SingleAsync(a => a.Id == account.Id);

        Assert.Equal(account.Email, loaded.Email);
        Assert.Equal(loaded.Email.Trim().ToLowerInvariant(), loaded.Email);
        Assert.Equal("Helen Carter", loaded.DisplayName);
        Assert.Equal(created, loaded.CreatedAtUtc);
        Assert.Equal(DateTimeKind.Utc, loaded.CreatedAtUtc.Kind);
        Assert.Equal(created.AddMinutes(1), loaded.LastSignInAtUtc);
        Assert.Matches("^[0-9a-f]{32}$", loaded.SecurityStamp);
    }

    [Fact]
    public async Task One_account_per_address()
    {
        var email = $"once.{Guid.NewGuid():N}@example.com";
        await using (var db = database.NewContext())
        {
            db.Add(new UserAccount(Guid.NewGuid(), email, DateTime.UtcNow));
            await db.SaveChangesAsync();
        }

        await using var second = database.NewContext();
        second.Add(new UserAccount(Guid.NewGuid(), email.ToUpperInvariant(), DateTime.UtcNow));
        await Assert.ThrowsAsync<DbUpdateException>(() => second.SaveChangesAsync());
    }

    [Fact]
    public void Ending_all_sessions_changes_the_security_stamp()
    {
        var account = new UserAccount(Guid.NewGuid(), "stamp@example.com", DateTime.UtcNow);
        var before = account.SecurityStamp;

        account.EndAllSessions();

        Assert.NotEqual(before, account.SecurityStamp);
    }

    [Fact]
    public async Task A_sign_in_code_comes_back_whole_and_is_consumed_only_once_by_a_conditional_update()
    {
        var now = new DateTime(2026, 11, 22, 8, 0, 0, DateTimeKind.Utc);
        var code = new SignInCode(Guid.NewGuid(), $"Code.{Guid.NewGuid():N}@example.com", new string('a', 64), now, now.AddMinutes(10), "2001:db8::1");
        await using (var db = database.NewContext())
        {
            db.Add(code);
            await db.SaveChangesAsync();
        }

        await using var fresh = database.NewContext();
        var loaded = await fresh.Set<SignInCode>().AsNoTracking().SingleAsync(c => c.Id == code.Id);
        Assert.Equal(code.Email, loaded.Email);
        Assert.Equal(now.AddMinutes(10), loaded.ExpiresAtUtc);
        Assert.Equal("2001:db8::1", loaded.RequestedFromIp);
        Assert.Equal(0, loaded.FailedAttempts);
        Assert.Null(loaded.ConsumedAtUtc);

        var unconsumed = fresh.Set<SignInCode>().Where(c => c.Id == code.Id && c.ConsumedAtUtc == null);
        Assert.Equal(1, await unconsumed.ExecuteUpdateAsync(s => s.SetProperty(c => c.ConsumedAtUtc, now)));
        Assert.Equal(0, await unconsumed.ExecuteUpdateAsync(s => s.SetProperty(c => c.ConsumedAtUtc, now)));
    }
}

public sealed class SqliteAccountStoreTests(SqliteTestDatabase database) : AccountStoreTests<SqliteTestDatabase>(database);

public sealed class PostgresAccountStoreTests(PostgresTestDatabase database) : AccountStoreTests<PostgresTestDatabase>(database);
