namespace SelfService.BotFramework.Builder;

/// <summary>
/// The synchronous answer to an <c>invoke</c> activity: the HTTP status and body the channel gets
/// back on the same request. A handler stores it in turn state under
/// <see cref="BotAdapter.InvokeResponseKey"/>.
/// </summary>
public sealed class InvokeResponse
{
    public InvokeResponse()
    {
    }

    public InvokeResponse(int status, object? body = null)
    {
        Status = status;
        Body = body;
    }

    public int Status { get; set; }

    /// <summary>Serialised with <see cref="Schema.BotJson.Options"/>.</summary>
    public object? Body { get; set; }
}
