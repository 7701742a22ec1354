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
    private readonly ConcurrentDictionary<string, string> _examples = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, int> Errors => _errors;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Record(string category, Exception exception)
    {
        // Grouped by type and where it was thrown (the first frame in this product's code, and the
        // first in the web or data layer that called it), so one bug is one line however it was reached.
        var frames = (exception.StackTrace ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Contains(" SelfService.", StringComparison.Ordinal)).ToList();
        var thrown = frames.FirstOrDefault() ?? "";
        var caller = frames.FirstOrDefault(f => f.Contains("SelfService.Web.", StringComparison.Ordinal) || f.Contains("SelfService.Data.", StringComparison.Ordinal)) ?? "";
        var key = $"{exception.GetType().Name} {Trim(thrown)}{(caller.Length > 0 && caller != thrown ? $" ← {Trim(caller)}" : "")} ({category})";
        // Printable in a report: control and bidi-formatting characters (the fuzzer sends both) shown as dots.
        var printable = new string([.. exception.Message.Select(c => char.IsControl(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.Surrogate or System.Globalization.UnicodeCategory.OtherNotAssigned ? '·' : c)]);
        _examples.TryAdd(key, printable.Length > 160 ? printable[..160] + "…" : printable);
        _errors.AddOrUpdate(key, 1, (_, n) => n + 1);
    }

    public string Example(string key) => _examples.TryGetValue(key, out var message) ? message : "";

    // "at A.B.C(args) in /path/file.cs:line 12" → "A.B.C (file.cs:12)"
    private static string Trim(string frame)
    {
        var method = frame.StartsWith("at ", StringComparison.Ordinal) ? frame[3..] : frame;
        var args = method.IndexOf('(', StringComparison.Ordinal);
        var file = method.LastIndexOf('/') is var slash and >= 0 ? method[(slash + 1)..].Replace(":line ", ":", StringComparison.Ordinal) : "";
        return (args > 0 ? method[..args] : method) + (file.Length > 0 ? $" ({file})" : "");
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
