namespace SelfService.Web.Tests.Support;

/// <summary>Waits for something a background worker does. The limit is a safety net, not an assertion about speed.</summary>
public static class Eventually
{
    public static async Task WaitAsync(Func<Task<bool>> condition, string what, TimeSpan? limit = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + (limit ?? TimeSpan.FromSeconds(60));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Gave up waiting: {what}.");
            }

            await Task.Delay(50);
        }
    }
}
