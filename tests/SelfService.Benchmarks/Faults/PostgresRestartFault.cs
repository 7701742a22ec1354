using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using SelfService.Data;
using SelfService.Testing;

namespace SelfService.Benchmarks.Faults;

/// <summary>
/// PostgreSQL restarted under load. Clients keep filling in and sending requests for an
/// assessment and reading the case pages they lead to, while the database is restarted (a fast
/// shutdown that cuts every connection, then straight back or after a spell down). Every
/// response is classified; afterwards every reference a person was shown must be in the database
/// exactly once, no draft may have become two cases, and a person who was told it failed can send
/// the same draft again and get one case.
/// </summary>
internal static class PostgresRestartFault
{
    private static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(250);

    public static async Task<FaultResult> RunAsync(FaultOptions options, string scratch)
    {
        var result = new FaultResult("PostgreSQL restarted under load", "PostgreSQL, 1 instance");
        await using var database = await PostgresScratchDatabase.CreateAsync("selfservice_faults");
        await using var app = new AppProcess(options.Configuration, Path.Combine(scratch, "pg-restart"), new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__CaseStore"] = database.ConnectionString,
        });
        await app.StartAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var users = new List<PortalUser>();
        for (var i = 0; i < options.RestartClients; i++)
        {
            users.Add(await PortalUser.SignInAsync(app.Root, app.Pickup, $"restart.{i}@example.com"));
        }

        var drafts = new ConcurrentBag<Submission>();
        var successes = new ConcurrentQueue<DateTime>();
        var health = new ConcurrentQueue<(DateTime At, HttpStatusCode? Status)>();
        using var stop = new CancellationTokenSource(options.RestartDuration);
        var started = DateTime.UtcNow;
        var next = 0;
        var clients = users.Select(user => Task.Run(() => ClientAsync(user, () => Interlocked.Increment(ref next), today, drafts, successes, result, stop.Token))).ToList();
        var poller = Task.Run(() => PollHealthAsync(app.Root, health, stop.Token));

        // Restarts spread evenly over the run, leaving the last stretch to recover in.
        var restarts = new List<(int DownSeconds, DateTime Began, DateTime Back)>();
        var gap = options.RestartDuration / (options.RestartDownSeconds.Count + 1);
        foreach (var down in options.RestartDownSeconds)
        {
            await Task.Delay(started + gap * (restarts.Count + 1) - DateTime.UtcNow < TimeSpan.Zero ? TimeSpan.Zero : started + gap * (restarts.Count + 1) - DateTime.UtcNow);
            var began = DateTime.UtcNow;
            await RestartPostgresAsync(down);
            restarts.Add((down, began, DateTime.UtcNow));
            Console.WriteLine($"  PostgreSQL restarted (down {down} s) at +{(began - started).TotalSeconds:F0} s");
        }

        await Task.WhenAll(clients);
        await poller;

        // People who were told it failed try again once the service is back: the same draft, sent again.
        foreach (var submission in drafts.Where(d => d.SendAttempts > 0 && (!d.ToldSent || d.ReferenceShown is null)))
        {
            var user = users.Single(u => u.Email == submission.Email);
            await FinishAsync(user, submission, result, DateTime.UtcNow.AddSeconds(60), CancellationToken.None);
        }

        await VerifyAsync(new CaseStoreOptions(CaseStoreProvider.Postgres, database.ConnectionString), drafts, result);
        Figures(result, drafts, restarts, successes, health);
        foreach (var user in users)
        {
            user.Dispose();
        }

        return result;
    }

    private static async Task ClientAsync(PortalUser user, Func<int> nextIndex, DateOnly today, ConcurrentBag<Submission> drafts, ConcurrentQueue<DateTime> successes, FaultResult result, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            Guid? draftId = null;
            while (draftId is null && !stop.IsCancellationRequested)
            {
                var (outcome, id) = await user.StartDraftAsync();
                result.Record("start", outcome);
                draftId = id;
                await PauseUnlessSuccess(outcome);
            }

            if (draftId is null)
            {
                return;
            }

            var submission = new Submission(user.Email, draftId.Value, CaseLedger.ChildName("Restart", nextIndex()));
            drafts.Add(submission);
            foreach (var (page, fields) in PortalUser.ParentAnswers(submission.ChildName, today))
            {
                Outcome outcome;
                do
                {
                    outcome = await user.AnswerAsync(submission.DraftId, page, fields);
                    result.Record("answer", outcome);
                    await PauseUnlessSuccess(outcome);
                }
                while (outcome.Kind != OutcomeKind.Success && !stop.IsCancellationRequested);
            }

            if (stop.IsCancellationRequested)
            {
                return;
            }

            await FinishAsync(user, submission, result, DateTime.MaxValue, stop);
            if (submission.ToldSent)
            {
                successes.Enqueue(submission.ToldSentAt);
            }
        }
    }

    /// <summary>Sends (again, after a failure) until told it was sent, then reads the confirmation and the case page.</summary>
    private static async Task FinishAsync(PortalUser user, Submission submission, FaultResult result, DateTime deadline, CancellationToken stop)
    {
        while (!submission.ToldSent && !stop.IsCancellationRequested && DateTime.UtcNow < deadline)
        {
            submission.SendAttempts++;
            var outcome = await user.SendAsync(submission.DraftId);
            result.Record("send", outcome);
            if (outcome.Kind == OutcomeKind.Success)
            {
                submission.ToldSent = true;
                submission.ToldSentAt = DateTime.UtcNow;
            }

            await PauseUnlessSuccess(outcome);
        }

        while (submission.ToldSent && submission.ReferenceShown is null && !stop.IsCancellationRequested && DateTime.UtcNow < deadline)
        {
            var (outcome, reference) = await user.ConfirmationAsync(submission.DraftId);
            result.Record("confirmation", outcome);
            submission.ReferenceShown = reference;
            await PauseUnlessSuccess(outcome);
        }

        if (submission.ReferenceShown is { } shown && !stop.IsCancellationRequested)
        {
            result.Record("case page", await user.ViewCaseAsync(shown));
        }
    }

    private static async Task VerifyAsync(CaseStoreOptions store, IEnumerable<Submission> drafts, FaultResult result)
    {
        var ledger = await CaseLedger.ReferencesByChildAsync(store);
        foreach (var submission in drafts)
        {
            var cases = ledger[submission.ChildName].ToList();
            result.Check(cases.Count <= 1, $"draft for {submission.ChildName} became {cases.Count} cases: {string.Join(", ", cases)}");
            if (submission.ToldSent)
            {
                result.Check(cases.Count == 1, $"{submission.ChildName} was told it was sent but has {cases.Count} cases");
            }

            if (submission.ReferenceShown is { } shown)
            {
                result.Check(CaseLedger.Count(ledger, shown) == 1, $"reference {shown} shown to a person is in the database {CaseLedger.Count(ledger, shown)} times");
                result.Check(cases.SequenceEqual([shown]), $"reference {shown} shown for {submission.ChildName} belongs to another child");
            }

            if (submission.SendAttempts > 0)
            {
                result.Check(submission.ToldSent, $"{submission.ChildName} could still not be sent a minute after the run");
            }
        }
    }

    private static void Figures(FaultResult result, ConcurrentBag<Submission> drafts, List<(int DownSeconds, DateTime Began, DateTime Back)> restarts, ConcurrentQueue<DateTime> successes, ConcurrentQueue<(DateTime At, HttpStatusCode? Status)> health)
    {
        var sent = drafts.Count(d => d.ToldSent);
        var retried = drafts.Count(d => d.SendAttempts > 1);
        result.Figures.Add(string.Create(CultureInfo.InvariantCulture,
            $"{drafts.Count} drafts started, {sent} sent and shown a reference; {retried} needed the person to send again after an error page"));
        foreach (var (down, began, back) in restarts)
        {
            var firstSuccess = successes.Where(s => s > back).DefaultIfEmpty(DateTime.MaxValue).Min();
            var unhealthy = health.Where(h => h.At >= began && h.Status != HttpStatusCode.OK).ToList();
            var healthyAgain = health.Where(h => h.At > back && h.Status == HttpStatusCode.OK).Select(h => h.At).DefaultIfEmpty(DateTime.MaxValue).Min();
            result.Figures.Add(string.Create(CultureInfo.InvariantCulture,
                $"restart (down {down} s): PostgreSQL back after {(back - began).TotalSeconds:F1} s; first request sent {Seconds(firstSuccess - back)} after that; ") +
                string.Create(CultureInfo.InvariantCulture,
                $"/health/ready unhealthy in {unhealthy.Count(h => h.At <= back.AddSeconds(1))} polls, healthy again {Seconds(healthyAgain - back)} after"));
            if (down > 0)
            {
                // A spell of several seconds down must show on the readiness probe, or a load balancer keeps sending people to a dead end.
                result.Check(unhealthy.Any(h => h.At < back), $"/health/ready never said unhealthy while PostgreSQL was down for {down} s");
            }

            result.Check(firstSuccess != DateTime.MaxValue, $"no request was sent after the restart at {began:T}");
        }
    }

    private static string Seconds(TimeSpan span) =>
        span > TimeSpan.FromDays(1) ? "never" : string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:F1} s");

    private static async Task PollHealthAsync(Uri root, ConcurrentQueue<(DateTime, HttpStatusCode?)> health, CancellationToken stop)
    {
        using var http = new HttpClient { BaseAddress = root, Timeout = TimeSpan.FromSeconds(5) };
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative), CancellationToken.None);
                health.Enqueue((DateTime.UtcNow, response.StatusCode));
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                health.Enqueue((DateTime.UtcNow, null));
            }

            await Task.Delay(200, CancellationToken.None);
        }
    }

    private static async Task RestartPostgresAsync(int downSeconds)
    {
        var info = new ProcessStartInfo("bash", ["scripts/postgres.sh", "restart", downSeconds.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"postgres.sh restart failed: {await error}");
        }
    }

    private static Task PauseUnlessSuccess(Outcome outcome) =>
        outcome.Kind == OutcomeKind.Success ? Task.CompletedTask : Task.Delay(RetryPause);

    private sealed class Submission(string email, Guid draftId, string childName)
    {
        public string Email { get; } = email;

        public Guid DraftId { get; } = draftId;

        public string ChildName { get; } = childName;

        public int SendAttempts { get; set; }

        public bool ToldSent { get; set; }

        public DateTime ToldSentAt { get; set; }

        public string? ReferenceShown { get; set; }
    }
}
