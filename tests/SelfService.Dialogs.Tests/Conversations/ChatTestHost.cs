using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SelfService.BotFramework.Builder;
using SelfService.BotFramework.Schema;
using SelfService.BotFramework.State;
using SelfService.Data;
using SelfService.Data.Accounts;
using SelfService.Data.Conversations;
using SelfService.Data.DemoData;
using SelfService.Dialogs.Conversations;

namespace SelfService.Dialogs.Tests.Conversations;

/// <summary>
/// The SEND bot over a real SQLite case store (a temporary file) seeded with the demo cast, run
/// turn by turn through an in-process adapter with the product's state middleware.
/// </summary>
public abstract class ChatTestHost : IAsyncLifetime
{
    public const string Channel = "test";

    private ServiceProvider? _services;

    public IServiceProvider Services => _services ?? throw new InvalidOperationException("Not started.");

    public DateOnly Today { get; private set; }

    protected abstract Task<CaseStoreOptions> CreateStoreAsync();

    protected abstract Task DropStoreAsync();

    public async Task InitializeAsync()
    {
        var options = await CreateStoreAsync();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDbContext<CaseStoreDbContext>(b => b.UseCaseStore(options));
        services.AddBotState();
        services.AddSendConversations();
        services.Configure<ConversationOptions>(o =>
        {
            o.CouncilName = "Leeds City Council";
            o.SendTeamEmail = "send.team@example.com";
        });
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        Today = Services.GetRequiredService<ChatClock>().Today();
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseStoreDbContext>();
        await db.Database.MigrateAsync();
        await DemoDataSeeder.SeedAsync(db, DemoScale.Test, Today, seed: 11);
    }

    /// <summary>A channel user linked to the account of <paramref name="email"/>, as a one-time code would link them.</summary>
    public async Task<string> LinkedUserAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseStoreDbContext>();
        var account = await db.Set<UserAccount>().SingleOrDefaultAsync(a => a.Email == email);
        if (account is null)
        {
            account = new UserAccount(Guid.NewGuid(), email, DateTime.UtcNow);
            db.Set<UserAccount>().Add(account);
        }

        var userId = $"user-{Guid.NewGuid():N}";
        db.Set<ChatIdentityLink>().Add(new ChatIdentityLink(Channel, userId, account.Id, DateTime.UtcNow));
        await db.SaveChangesAsync();
        return userId;
    }

    public ChatSession Session(string userId)
    {
        var adapter = new InProcessAdapter(userId);
        foreach (var middleware in Services.GetServices<IMiddleware>())
        {
            adapter.Use(middleware);
        }

        return new ChatSession(adapter, Services.GetRequiredService<IBot>());
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        await DropStoreAsync();
    }
}

/// <summary>The case store in a temporary SQLite file.</summary>
public sealed class SqliteChatTestHost : ChatTestHost
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"selfservice-dialogs-{Guid.NewGuid():N}.db");

    protected override Task<CaseStoreOptions> CreateStoreAsync() =>
        Task.FromResult(new CaseStoreOptions(CaseStoreProvider.Sqlite, $"Data Source={_path}"));

    protected override Task DropStoreAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }

        return Task.CompletedTask;
    }
}

/// <summary>The case store in a scratch PostgreSQL database.</summary>
public sealed class PostgresChatTestHost : ChatTestHost
{
    private SelfService.Testing.PostgresScratchDatabase? _database;

    protected override async Task<CaseStoreOptions> CreateStoreAsync()
    {
        _database = await SelfService.Testing.PostgresScratchDatabase.CreateAsync("selfservice_chat");
        return new CaseStoreOptions(CaseStoreProvider.Postgres, _database.ConnectionString);
    }

    protected override async Task DropStoreAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

/// <summary>One conversation: each call runs a turn and returns what the bot sent during it.</summary>
public sealed class ChatSession(InProcessAdapter adapter, IBot bot)
{
    public Task<IReadOnlyList<Activity>> SayAsync(string text) =>
        adapter.TurnAsync(new Activity { Type = ActivityTypes.Message, Text = text }, bot);

    public Task<IReadOnlyList<Activity>> SubmitAsync(System.Text.Json.JsonElement value) =>
        adapter.TurnAsync(new Activity { Type = ActivityTypes.Message, Value = value }, bot);

    public static string Texts(IEnumerable<Activity> activities) => string.Join("\n", activities.Select(a => a.Text).Where(t => t is not null));
}

/// <summary>Runs turns in process, as a channel other than the portal's own (so identity comes only from a code link).</summary>
public sealed class InProcessAdapter(string userId) : BotAdapter
{
    private readonly List<Activity> _sent = [];
    private int _nextId;

    public async Task<IReadOnlyList<Activity>> TurnAsync(Activity activity, IBot bot)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(bot);
        activity.ChannelId = ChatTestHost.Channel;
        activity.Id = $"in-{Interlocked.Increment(ref _nextId)}";
        activity.Conversation = new ConversationAccount($"conversation-{userId}");
        activity.From = new ChannelAccount(userId, "Helen Carter", RoleTypes.User);
        activity.Recipient = new ChannelAccount("bot", "SEND assistant", RoleTypes.Bot);
        activity.ServiceUrl = "https://test.invalid/";
        activity.Timestamp = DateTimeOffset.UtcNow;
        _sent.Clear();
        await RunPipelineAsync(new TurnContext(this, activity), bot.OnTurnAsync, CancellationToken.None);
        return [.. _sent];
    }

    public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        _sent.AddRange(activities);
        return Task.FromResult(activities.Select(_ => new ResourceResponse($"out-{Interlocked.Increment(ref _nextId)}")).ToArray());
    }

    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
        throw new NotSupportedException();
}
