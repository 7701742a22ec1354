using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;

namespace SelfService.BotFramework.Authentication;

/// <summary>
/// The channels' signing keys, cached. <see cref="ConfigurationManager{T}"/> keeps them and fetches
/// them again on its own schedule (never older than a day). A token naming an unknown key id
/// fetches them at once, waiting for the result, because the manager's own refresh runs in the
/// background and the request in hand would fail; such fetches are rate limited.
/// </summary>
internal sealed partial class ChannelSigningKeys : IDisposable
{
    private readonly ConfigurationManager<ChannelOpenIdConfiguration> _manager;
    private readonly ChannelMetadataRetriever _retriever;
    private readonly MetadataDocumentRetriever _documents;
    private readonly string _metadataUrl;
    private readonly TimeSpan _minimumRefreshInterval;
    private readonly TimeProvider _clock;
    private readonly ILogger<ChannelSigningKeys> _logger;
    private readonly SemaphoreSlim _refreshGate = new(1, 1);
    private DateTimeOffset _lastOnDemandRefresh = DateTimeOffset.MinValue;
    private ChannelOpenIdConfiguration? _onDemand;

    public ChannelSigningKeys(
        IOptions<BotAuthenticationOptions> options,
        IHttpClientFactory httpClientFactory,
        TimeProvider clock,
        ILogger<ChannelSigningKeys> logger)
    {
        var settings = options.Value;
        _metadataUrl = settings.ToBotFromChannelOpenIdMetadataUrl;
        _minimumRefreshInterval = settings.SigningKeyMinimumRefreshInterval;
        _clock = clock;
        _logger = logger;
        _retriever = new ChannelMetadataRetriever(clock);
        _documents = new MetadataDocumentRetriever(httpClientFactory);
        _manager = new ConfigurationManager<ChannelOpenIdConfiguration>(_metadataUrl, _retriever, _documents)
        {
            AutomaticRefreshInterval = Clamp(
                settings.SigningKeyRefreshInterval,
                ConfigurationManager<ChannelOpenIdConfiguration>.MinimumAutomaticRefreshInterval,
                BotAuthenticationOptions.MaximumSigningKeyRefreshInterval),
            RefreshInterval = Clamp(
                settings.SigningKeyMinimumRefreshInterval,
                ConfigurationManager<ChannelOpenIdConfiguration>.MinimumRefreshInterval,
                TimeSpan.MaxValue),
        };
    }

    /// <summary>How long the cached keys are used before they are fetched again unprompted.</summary>
    internal TimeSpan AutomaticRefreshInterval => _manager.AutomaticRefreshInterval;

    /// <summary>The newest keys we hold (fetching them the first time).</summary>
    public async Task<ChannelOpenIdConfiguration> GetAsync(CancellationToken cancellationToken)
    {
        var managed = await _manager.GetConfigurationAsync(cancellationToken);
        var onDemand = Volatile.Read(ref _onDemand);
        return onDemand is not null && onDemand.RetrievedAt > managed.RetrievedAt ? onDemand : managed;
    }

    /// <summary>
    /// Keys that include <paramref name="keyId"/> if the channel now publishes it; otherwise the
    /// keys we have. Fetches at most once per minimum refresh interval.
    /// </summary>
    public async Task<ChannelOpenIdConfiguration> GetIncludingAsync(string keyId, CancellationToken cancellationToken)
    {
        var current = await GetAsync(cancellationToken);
        if (current.HasSigningKey(keyId))
        {
            return current;
        }

        await _refreshGate.WaitAsync(cancellationToken);
        try
        {
            // Another request may have fetched while this one waited.
            current = await GetAsync(cancellationToken);
            if (current.HasSigningKey(keyId))
            {
                return current;
            }

            var now = _clock.GetUtcNow();
            if (now - _lastOnDemandRefresh < _minimumRefreshInterval)
            {
                LogRefreshSkipped(_logger, keyId);
                return current;
            }

            _lastOnDemandRefresh = now;
            LogRefreshingForUnknownKey(_logger, keyId, _metadataUrl);
            try
            {
                var fetched = await _retriever.GetConfigurationAsync(_metadataUrl, _documents, cancellationToken);
                // Kept beside the manager's copy; whichever was fetched last is used, so the manager
                // need not fetch again now (its own schedule replaces this copy in time).
                Volatile.Write(ref _onDemand, fetched);
                return fetched;
            }
            catch (Exception exception) when (exception is HttpRequestException or InvalidOperationException or System.Text.Json.JsonException or ArgumentException)
            {
                LogRefreshFailed(_logger, exception, _metadataUrl);
                return current;
            }
        }
        finally
        {
            _refreshGate.Release();
        }
    }

    public void Dispose() => _refreshGate.Dispose();

    private static TimeSpan Clamp(TimeSpan value, TimeSpan minimum, TimeSpan maximum) =>
        value < minimum ? minimum : value > maximum ? maximum : value;

    [LoggerMessage(Level = LogLevel.Information, Message = "Channel token names unknown signing key {KeyId}; fetching keys from {MetadataUrl}")]
    private static partial void LogRefreshingForUnknownKey(ILogger logger, string keyId, string metadataUrl);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Channel token names unknown signing key {KeyId}; keys were fetched recently, so not again yet")]
    private static partial void LogRefreshSkipped(ILogger logger, string keyId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Fetching channel signing keys from {MetadataUrl} failed")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception, string metadataUrl);
}
