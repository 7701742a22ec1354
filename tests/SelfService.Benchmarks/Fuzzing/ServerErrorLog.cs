using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SelfService.Benchmarks.Fuzzing;

/// <summary>
/// The app's own error log during the run: each distinct exception (type, message, the first frame
/// in this product's code) once, with a count, so a 500 in the tally can be traced to its cause.
/// </summary>
internal sealed class ServerErrorLog : ILoggerProvider
{
    private readonly ConcurrentDictionary<string, int> _errors = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, int> Errors => _errors;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Record(string category, Exception exception)
    {
        var frame = exception.StackTrace?.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains("SelfService.", StringComparison.Ordinal)) ?? "";
        var message = exception.Message.Length > 300 ? exception.Message[..300] + "…" : exception.Message;
        _errors.AddOrUpdate($"{exception.GetType().Name}: {message} ({category}) {frame}", 1, (_, n) => n + 1);
    }

    private sealed class Logger(ServerErrorLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Error && exception is not null)
            {
                log.Record(category, exception);
            }
        }
    }
}
