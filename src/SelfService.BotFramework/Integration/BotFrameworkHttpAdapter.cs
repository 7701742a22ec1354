using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SelfService.BotFramework.Builder;
using SelfService.BotFramework.Schema;

namespace SelfService.BotFramework.Integration;

/// <summary>
/// The bot's HTTP endpoint (<c>POST /api/messages</c>), like Bot Builder's CloudAdapter: reads and
/// checks the activity, authenticates the channel before anything runs, then runs the turn and
/// answers 200, or for an invoke the bot's status and body.
/// </summary>
public sealed partial class BotFrameworkHttpAdapter : CloudAdapterBase
{
    private readonly IChannelAuthenticator _authenticator;
    private readonly ITrustedServiceUrls _trustedServiceUrls;
    private readonly BotFrameworkOptions _options;
    private readonly ILogger<BotFrameworkHttpAdapter> _logger;

    public BotFrameworkHttpAdapter(
        IChannelAuthenticator authenticator,
        ITrustedServiceUrls trustedServiceUrls,
        IEnumerable<IChannelConnector> connectors,
        IEnumerable<IBotStateCleaner> stateCleaners,
        IOptions<BotFrameworkOptions> options,
        ILogger<BotFrameworkHttpAdapter> logger)
        : base(connectors, stateCleaners, logger)
    {
        ArgumentNullException.ThrowIfNull(authenticator);
        ArgumentNullException.ThrowIfNull(trustedServiceUrls);
        ArgumentNullException.ThrowIfNull(options);
        _authenticator = authenticator;
        _trustedServiceUrls = trustedServiceUrls;
        _options = options.Value;
        _logger = logger;
    }

    public async Task ProcessAsync(HttpRequest httpRequest, HttpResponse httpResponse, IBot bot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpRequest);
        ArgumentNullException.ThrowIfNull(httpResponse);
        ArgumentNullException.ThrowIfNull(bot);

        var body = await ActivityRequestReader.ReadAsync(httpRequest, _options.MaxActivityBytes, cancellationToken);
        if (body.Failure is { } failure)
        {
            LogRejected(failure.Status, failure.Code);
            await WriteErrorAsync(httpResponse, failure.Status, failure.Code, failure.Message, cancellationToken);
            return;
        }

        var activity = body.Activity!;
        var outcome = await _authenticator.AuthenticateAsync(
            httpRequest.Headers.Authorization.ToString() is { Length: > 0 } header ? header : null, activity, cancellationToken);
        if (!outcome.Succeeded)
        {
            LogUnauthenticated(outcome.StatusCode, outcome.FailureReason, activity.ChannelId);
            if (outcome.StatusCode == StatusCodes.Status401Unauthorized)
            {
                httpResponse.Headers.WWWAuthenticate = "Bearer";
            }

            await WriteErrorAsync(
                httpResponse,
                outcome.StatusCode,
                outcome.StatusCode == StatusCodes.Status403Forbidden ? "Forbidden" : "Unauthorized",
                "The request is not from an authenticated channel.",
                cancellationToken);
            return;
        }

        // Only now may the bot post back to this address (with its channel token).
        if (activity.ServiceUrl is { Length: > 0 } serviceUrl)
        {
            _trustedServiceUrls.Trust(serviceUrl);
        }

        var invokeResponse = await ProcessActivityAsync(outcome.Identity!, activity, bot.OnTurnAsync, cancellationToken);

        httpResponse.StatusCode = invokeResponse?.Status ?? StatusCodes.Status200OK;
        if (invokeResponse?.Body is { } invokeBody)
        {
            httpResponse.ContentType = "application/json; charset=utf-8";
            await JsonSerializer.SerializeAsync(httpResponse.Body, invokeBody, invokeBody.GetType(), BotJson.Options, cancellationToken);
        }
    }

    /// <summary>
    /// Runs a proactive turn. The reference's serviceUrl is trusted for sending, so the reference
    /// must come from the bot's own store (saved only from authenticated turns), never from a
    /// request: that is what lets proactive messages work after a restart.
    /// </summary>
    public override Task ContinueConversationAsync(
        ClaimsIdentity claimsIdentity, ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (reference.ServiceUrl is { Length: > 0 } serviceUrl)
        {
            _trustedServiceUrls.Trust(serviceUrl);
        }

        return base.ContinueConversationAsync(claimsIdentity, reference, callback, cancellationToken);
    }

    private static Task WriteErrorAsync(HttpResponse response, int status, string code, string message, CancellationToken cancellationToken)
    {
        response.StatusCode = status;
        response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(response.Body, new ErrorResponse(code, message), BotJson.Options, cancellationToken);
    }

    [LoggerMessage(EventId = 4111, Level = LogLevel.Information, Message = "Rejected an activity: {Status} {Code}.")]
    private partial void LogRejected(int status, string code);

    [LoggerMessage(EventId = 4112, Level = LogLevel.Warning,
        Message = "Refused an unauthenticated activity from channel {ChannelId}: {Status} {Reason}.")]
    private partial void LogUnauthenticated(int status, string? reason, string? channelId);
}
