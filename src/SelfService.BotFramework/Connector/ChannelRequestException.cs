using System.Net;

namespace SelfService.BotFramework.Connector;

/// <summary>A channel refused or failed a Connector API call (after any retries).</summary>
public sealed class ChannelRequestException : Exception
{
    public ChannelRequestException()
    {
    }

    public ChannelRequestException(string message)
        : base(message)
    {
    }

    public ChannelRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ChannelRequestException(string message, HttpStatusCode? statusCode, int attempts, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Attempts = attempts;
    }

    /// <summary>The channel's last answer, or null when it could not be reached.</summary>
    public HttpStatusCode? StatusCode { get; }

    public int Attempts { get; }
}
