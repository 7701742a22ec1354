using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace SelfService.Web.Identity;

/// <summary>
/// Code attempts per IP address, across all addresses: stops one machine guessing codes for many
/// people. Kept in memory, so per instance; the per-code limit in the store is the hard one.
/// </summary>
public sealed class SignInAttemptLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public SignInAttemptLimiter(IOptions<SignInOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        _limiter = PartitionedRateLimiter.Create<string, string>(ip => RateLimitPartition.GetSlidingWindowLimiter(ip, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = settings.MaxAttemptsPerIp,
            Window = settings.LimitWindow,
            SegmentsPerWindow = 5,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    public bool TryAcquire(string ipAddress)
    {
        using var lease = _limiter.AttemptAcquire(ipAddress);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
