using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SelfService.BotFramework.Builder;
using SelfService.BotFramework.DirectLine;
using SelfService.Data;
using SelfService.Data.Bot;
using SelfService.Web.Hosting;

namespace SelfService.Web.Bot;

/// <summary>The Direct Line 3.0 channel in this host, under <c>/v3/directline</c>, for the portal's Web Chat.</summary>
public static partial class DirectLineHosting
{
    /// <summary>File in the data directory holding the generated signing key when none is configured.</summary>
    public const string SigningKeyFile = "directline-signing.key";

    /// <summary>File in the data directory holding the Development secret when none is configured.</summary>
    public const string DevelopmentSecretFile = "directline-secret.txt";

    public static IServiceCollection AddDirectLineChannel(
        this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment, AppPaths paths)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(paths);

        // On PostgreSQL several instances may serve one conversation: deliveries cross by NOTIFY.
        var store = CaseStoreOptions.FromConfiguration(configuration, paths.DataDirectory);
        if (store.Provider == CaseStoreProvider.Postgres)
        {
            services.AddSingleton(provider => new PostgresDirectLineNotifier(
                store.ConnectionString,
                provider.GetRequiredService<ILogger<PostgresDirectLineNotifier>>(),
                provider.GetRequiredService<IOptions<DirectLineOptions>>().Value.MaxStreamsPerConversation));
            services.AddSingleton<IDirectLineNotifier>(provider => provider.GetRequiredService<PostgresDirectLineNotifier>());
            services.AddHostedService(provider => provider.GetRequiredService<PostgresDirectLineNotifier>());
        }

        services.AddDirectLineChannelCore();
        services.AddOptions<DirectLineOptions>()
            .Bind(configuration.GetSection(DirectLineOptions.SectionName))
            .PostConfigure(options =>
            {
                // One key per data directory: tokens survive a restart. Several instances must share
                // DirectLine:TokenSigningKey (or the data directory).
                if (string.IsNullOrWhiteSpace(options.TokenSigningKey))
                {
                    options.TokenSigningKey = ReadOrCreate(paths.DataFile(SigningKeyFile), () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
                }

                // Development gets a secret for trying tokens/generate by hand; it stays on the server.
                if (string.IsNullOrWhiteSpace(options.Secret) && environment.IsDevelopment())
                {
                    options.Secret = ReadOrCreate(paths.DataFile(DevelopmentSecretFile), () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
                }
            });
        services.AddScoped<IDirectLineStore, DirectLineStore>();
        services.TryAddSingleton(provider => new CloudAdapterBase(
            provider.GetServices<IChannelConnector>(),
            provider.GetServices<IBotStateCleaner>(),
            provider.GetRequiredService<ILoggerFactory>().CreateLogger<CloudAdapterBase>()));
        return services;
    }

    public static WebApplication MapDirectLineChannel(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromMinutes(1) });
        app.MapDirectLine();
        return app;
    }

    private static string ReadOrCreate(string path, Func<string> create)
    {
        if (File.Exists(path) && File.ReadAllText(path).Trim() is { Length: > 0 } existing)
        {
            return existing;
        }

        var value = create();
        try
        {
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            using var writer = new StreamWriter(file);
            writer.Write(value);
            return value;
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another instance starting at the same moment wrote it first.
            return File.ReadAllText(path).Trim();
        }
    }
}
