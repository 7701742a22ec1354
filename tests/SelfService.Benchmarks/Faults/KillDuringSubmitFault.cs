using System.Diagnostics;
using System.Globalization;
using SelfService.Data;
using SelfService.Testing;

namespace SelfService.Benchmarks.Faults;

/// <summary>
/// The app killed with SIGKILL while requests are being sent. Many completed drafts are sent at
/// once, spread over a second; the process is killed at a point chosen by a fixed seed; it is
/// started again on the same database. A person told "sent" must have exactly one case; anyone
/// else at most one; and everyone sending the same draft again afterwards gets exactly one.
/// </summary>
internal static class KillDuringSubmitFault
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    public static async Task<FaultResult> RunAsync(FaultOptions options, string scratch, CaseStoreProvider provider)
    {
        var label = provider == CaseStoreProvider.Sqlite ? "SQLite" : "PostgreSQL";
        var result = new FaultResult("App killed (SIGKILL) while requests are sent", label);
        PostgresScratchDatabase? database = null;
        try
        {
            var folder = Path.Combine(scratch, $"kill-{label}");
            CaseStoreOptions store;
            var settings = new Dictionary<string, string>(StringComparer.Ordinal);
            if (provider == CaseStoreProvider.Postgres)
            {
                database = await PostgresScratchDatabase.CreateAsync("selfservice_faults");
                store = new CaseStoreOptions(provider, database.ConnectionString);
                settings["Database__Provider"] = "Postgres";
                settings["ConnectionStrings__CaseStore"] = database.ConnectionString;
            }
            else
            {
                store = new CaseStoreOptions(provider, $"Data Source={Path.Combine(folder, "selfservice.db")}");
            }

            await using var app = new AppProcess(options.Configuration, folder, settings);
            await app.StartAsync();
            var users = new List<PortalUser>();
            for (var i = 0; i < options.KillUsers; i++)
            {
                users.Add(await PortalUser.SignInAsync(app.Root, app.Pickup, $"kill.{i}@example.com"));
            }

            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var random = new Random(options.Seed + (int)provider);
            var restarts = new List<double>();
            var told = 0;
            var failedButSaved = 0;
            var failedNotSaved = 0;
            for (var round = 0; round < options.KillRounds; round++)
            {
                var drafts = await PrepareAsync(users, options.KillSubmissions, round, today, result);
                var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var user in users)
                {
                    tokens[user.Email] = await user.TokenAsync(drafts.First(d => d.User == user).DraftId);
                }

                // Each send starts at its own moment in the window. The kill comes once a seeded
                // share of them has been answered, so it lands among sends in flight however fast
                // the machine is (a fixed time would find them all done, or none started).
                var offsets = drafts.Select(_ => random.NextDouble() * Window.TotalMilliseconds).ToList();
                var killAfterAnswers = (int)(drafts.Count * (0.2 + (0.5 * random.NextDouble())));
                var answered = 0;
                var killNow = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var clock = Stopwatch.StartNew();
                var sends = drafts.Select((d, i) => Task.Run(async () =>
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(offsets[i]));
                    var outcome = await d.User.SendWithTokenAsync(d.DraftId, tokens[d.User.Email]);
                    result.Record("send (kill)", outcome);
                    d.ToldSent = outcome.Kind == OutcomeKind.Success;
                    if (Interlocked.Increment(ref answered) >= killAfterAnswers)
                    {
                        killNow.TrySetResult();
                    }
                })).ToList();
                await killNow.Task.WaitAsync(TimeSpan.FromSeconds(60));
                app.Kill();
                var killedAfter = clock.Elapsed.TotalMilliseconds;
                await Task.WhenAll(sends);
                Console.WriteLine($"  {label}: killed {killedAfter:F0} ms into round {round + 1}, after {killAfterAnswers} answers; {drafts.Count(d => d.ToldSent)} of {drafts.Count} told sent");

                restarts.Add((await app.StartAsync()).TotalSeconds);
                var ledger = await CaseLedger.ReferencesByChildAsync(store);
                foreach (var draft in drafts)
                {
                    var cases = ledger[draft.ChildName].Count();
                    if (draft.ToldSent)
                    {
                        told++;
                        result.Check(cases == 1, $"{draft.ChildName} was told it was sent but has {cases} cases after the restart");
                    }
                    else
                    {
                        result.Check(cases <= 1, $"{draft.ChildName} was not told it was sent and has {cases} cases");
                        failedButSaved += cases == 1 ? 1 : 0;
                        failedNotSaved += cases == 0 ? 1 : 0;
                    }
                }

                // Everyone sends the same draft again (a refresh, or the next try after an error): still one case each.
                foreach (var draft in drafts)
                {
                    result.Record("send again", await draft.User.SendWithTokenAsync(draft.DraftId, tokens[draft.User.Email]));
                    var (outcome, reference) = await draft.User.ConfirmationAsync(draft.DraftId);
                    result.Record("confirmation", outcome);
                    draft.Reference = reference;
                }

                ledger = await CaseLedger.ReferencesByChildAsync(store);
                foreach (var draft in drafts)
                {
                    var cases = ledger[draft.ChildName].ToList();
                    result.Check(cases.Count == 1 && cases[0] == draft.Reference, $"{draft.ChildName} after sending again: cases {string.Join(", ", cases)}, shown {draft.Reference}");
                }
            }

            result.Figures.Add(string.Create(CultureInfo.InvariantCulture,
                $"{options.KillRounds} kill(s), {options.KillRounds * options.KillSubmissions} sends: {told} told sent (each exactly one case after the restart); ") +
                string.Create(CultureInfo.InvariantCulture,
                $"of the rest, {failedButSaved} had been saved before the kill and {failedNotSaved} had not (none twice); after sending again every draft is exactly one case"));
            result.Figures.Add(string.Create(CultureInfo.InvariantCulture,
                $"restart to /health/ready: {string.Join(", ", restarts.Select(r => r.ToString("F1", CultureInfo.InvariantCulture) + " s"))}"));
            foreach (var user in users)
            {
                user.Dispose();
            }

            return result;
        }
        finally
        {
            if (database is not null)
            {
                await database.DisposeAsync();
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }

    /// <summary>Fills in <paramref name="count"/> drafts up to the declaration, shared among the users, each with a child of its own name.</summary>
    private static async Task<List<Draft>> PrepareAsync(List<PortalUser> users, int count, int round, DateOnly today, FaultResult result)
    {
        var drafts = new List<Draft>();
        await Task.WhenAll(users.Select(async (user, u) =>
        {
            for (var i = u; i < count; i += users.Count)
            {
                var (outcome, id) = await user.StartDraftAsync();
                result.Record("prepare", outcome);
                if (id is null)
                {
                    throw new InvalidOperationException($"Could not start a draft: {outcome.Detail}");
                }

                var draft = new Draft(user, id.Value, CaseLedger.ChildName("Kill", (round * count) + i));
                foreach (var (page, fields) in PortalUser.ParentAnswers(draft.ChildName, today))
                {
                    var answered = await user.AnswerAsync(draft.DraftId, page, fields);
                    result.Record("prepare", answered);
                    if (answered.Kind != OutcomeKind.Success)
                    {
                        throw new InvalidOperationException($"Could not answer {page}: {answered.Detail}");
                    }
                }

                lock (drafts)
                {
                    drafts.Add(draft);
                }
            }
        }));
        return drafts;
    }

    private sealed class Draft(PortalUser user, Guid draftId, string childName)
    {
        public PortalUser User { get; } = user;

        public Guid DraftId { get; } = draftId;

        public string ChildName { get; } = childName;

        public bool ToldSent { get; set; }

        public string? Reference { get; set; }
    }
}
