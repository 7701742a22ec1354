using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SelfService.Data;
using SelfService.Data.Accounts;
using SelfService.Data.Storage;
using SelfService.Web.Email;
using SelfService.Web.Hosting;
using SelfService.Web.Pages;

namespace SelfService.Web.Identity;

public enum CodeRequestOutcome
{
    Sent,
    TooManyForAddress,
    TooManyFromIp,
}

public enum CodeCheckOutcome
{
    SignedIn,
    Wrong,

    /// <summary>No usable code: expired, already used, or never sent.</summary>
    Expired,
    TooManyAttempts,
    TooManyFromIp,
}

public sealed record CodeCheckResult(CodeCheckOutcome Outcome, UserAccount? Account = null);

/// <summary>
/// Issues and checks one-time sign-in codes. The answer to "send me a code" is the same for every
/// address (an unknown address gets a real code, which is how a new family signs up), so the
/// page reveals nothing about who has records here.
/// </summary>
public sealed class SignInService(
    CaseStoreDbContext db,
    SignInCodeHasher hasher,
    SignInAttemptLimiter attemptLimiter,
    OutboxSignal outbox,
    IOptions<SignInOptions> options,
    IOptions<CouncilOptions> council,
    TimeProvider time)
{
    public const string CodeEmailKind = "signInCode";

    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public async Task<CodeRequestOutcome> RequestCodeAsync(string email, string ipAddress, CancellationToken cancellationToken = default)
    {
        var address = AccountEmail.Normalise(email);
        var settings = options.Value;
        var now = time.GetUtcNow().UtcDateTime;
        var windowStart = now - settings.LimitWindow;
        var codes = db.Set<SignInCode>().Where(c => c.CreatedAtUtc > windowStart);

        if (await codes.CountAsync(c => c.Email == address, cancellationToken) >= settings.MaxCodesPerAddress)
        {
            return CodeRequestOutcome.TooManyForAddress;
        }

        if (await codes.CountAsync(c => c.RequestedFromIp == ipAddress, cancellationToken) >= settings.MaxCodesPerIp)
        {
            return CodeRequestOutcome.TooManyFromIp;
        }

        var code = SignInCodeHasher.NewCode();
        var expires = now + settings.CodeLifetime;
        db.Set<SignInCode>().Add(new SignInCode(Guid.CreateVersion7(), address, hasher.Hash(address, code), now, expires, ipAddress));

        // The code and its email commit together: once the page says "sent", the email is durable.
        db.Set<OutboxMessage>().Add(OutboxEmail.Create(now, CodeEmailKind, address, $"Your sign-in code for {GovUk.ServiceName}", CodeEmailBody(code, expires, settings)));
        await db.SaveChangesAsync(cancellationToken);
        outbox.Notify();
        return CodeRequestOutcome.Sent;
    }

    /// <summary>Checks a code against the latest one sent to the address, and signs the account in (creating it on first use).</summary>
    public async Task<CodeCheckResult> CheckCodeAsync(string email, string code, string ipAddress, CancellationToken cancellationToken = default)
    {
        if (!attemptLimiter.TryAcquire(ipAddress))
        {
            return new CodeCheckResult(CodeCheckOutcome.TooManyFromIp);
        }

        var address = AccountEmail.Normalise(email);
        var settings = options.Value;
        var now = time.GetUtcNow().UtcDateTime;

        // Only the newest code counts: older ones stop working when a new one is sent, so each
        // code's attempt limit cannot be multiplied by asking for more codes.
        var latest = await db.Set<SignInCode>().AsNoTracking()
            .Where(c => c.Email == address)
            .OrderByDescending(c => c.CreatedAtUtc)
            .FirstOrDefaultAsync(cancellationToken);
        if (latest is null || latest.ConsumedAtUtc is not null || latest.ExpiresAtUtc <= now)
        {
            return new CodeCheckResult(CodeCheckOutcome.Expired);
        }

        if (latest.FailedAttempts >= settings.MaxAttemptsPerCode)
        {
            return new CodeCheckResult(CodeCheckOutcome.TooManyAttempts);
        }

        var max = settings.MaxAttemptsPerCode;
        var thisCode = db.Set<SignInCode>().Where(c => c.Id == latest.Id && c.ConsumedAtUtc == null && c.FailedAttempts < max);
        if (!hasher.Matches(latest.CodeHash, address, code))
        {
            await thisCode.ExecuteUpdateAsync(s => s.SetProperty(c => c.FailedAttempts, c => c.FailedAttempts + 1), cancellationToken);
            return new CodeCheckResult(latest.FailedAttempts + 1 >= max ? CodeCheckOutcome.TooManyAttempts : CodeCheckOutcome.Wrong);
        }

        // The conditional update is what makes a code single-use, even for two requests at once.
        if (await thisCode.ExecuteUpdateAsync(s => s.SetProperty(c => c.ConsumedAtUtc, now), cancellationToken) != 1)
        {
            return new CodeCheckResult(CodeCheckOutcome.Expired);
        }

        return new CodeCheckResult(CodeCheckOutcome.SignedIn, await RecordSignInAsync(address, now, cancellationToken));
    }

    private async Task<UserAccount> RecordSignInAsync(string address, DateTime now, CancellationToken cancellationToken)
    {
        var accounts = db.Set<UserAccount>();
        var account = await accounts.SingleOrDefaultAsync(a => a.Email == address, cancellationToken);
        if (account is null)
        {
            account = new UserAccount(Guid.CreateVersion7(), address, now);
            accounts.Add(account);
            account.RecordSignIn(now);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return account;
            }
            catch (DbUpdateException)
            {
                // The same person finished signing in twice at once; the other request made the account.
                db.ChangeTracker.Clear();
                account = await accounts.SingleAsync(a => a.Email == address, cancellationToken);
            }
        }

        account.RecordSignIn(now);
        await db.SaveChangesAsync(cancellationToken);
        return account;
    }

    private string CodeEmailBody(string code, DateTime expiresUtc, SignInOptions settings)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(expiresUtc, London);
        var british = CultureInfo.GetCultureInfo("en-GB");

        // GOV.UK style: "7:27am on 22 November 2026".
        var until = $"{local.ToString("h:mmtt", british).ToLowerInvariant()} on {local.ToString("d MMMM yyyy", british)}";
        var minutes = (int)settings.CodeLifetime.TotalMinutes;
        return $"""
            Your code to sign in to {GovUk.ServiceName} is:

            {code}

            Enter it on the sign-in page. It works once, until {until} ({minutes} minutes after we sent it).

            If you did not ask to sign in, you can ignore this email. Nobody can sign in with your email address without this code.

            {council.Value.Name} SEND team
            """;
    }
}
