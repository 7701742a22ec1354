using Microsoft.Extensions.Options;
using SelfService.Data.Enquiries;
using SelfService.Web.Email;
using SelfService.Web.Hosting;

namespace SelfService.Web.Enquiries;

/// <summary>
/// Looks for members' enquiries past their response date and escalates each one once. Safe to run
/// on every server: <see cref="EnquiryEscalator"/> claims each enquiry with a conditional update.
/// </summary>
internal sealed partial class EnquiryEscalationWorker(
    IServiceScopeFactory scopes, TimeProvider time, UkClock clock, OutboxSignal outbox, IOptions<EnquiryOptions> options, ILogger<EnquiryEscalationWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(options.Value.EscalationIntervalSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var escalator = scope.ServiceProvider.GetRequiredService<EnquiryEscalator>();
                var contact = scope.ServiceProvider.GetRequiredService<EnquiryContact>().Current;
                var escalated = await escalator.RunAsync(clock.Today(), time.GetUtcNow().UtcDateTime, contact, [.. options.Value.EscalateTo], stoppingToken);
                if (escalated > 0)
                {
                    LogEscalated(escalated);
                    outbox.Notify();
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // One failed look must not stop the worker; the next look retries.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogFailed(e);
            }

            try
            {
                await Task.Delay(interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Escalated {Count} overdue members' enquiries.")]
    private partial void LogEscalated(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for overdue members' enquiries failed; will try again.")]
    private partial void LogFailed(Exception exception);
}
