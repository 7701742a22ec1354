using System.Text.Json;
using SelfService.BotFramework.Schema;

namespace SelfService.BotFramework.Builder;

/// <summary>The context of one turn; see <see cref="ITurnContext"/>.</summary>
public sealed class TurnContext : ITurnContext
{
    private readonly List<SendActivitiesHandler> _onSend = [];
    private readonly List<UpdateActivityHandler> _onUpdate = [];
    private readonly List<DeleteActivityHandler> _onDelete = [];

    public TurnContext(BotAdapter adapter, Activity activity)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        ArgumentNullException.ThrowIfNull(activity);
        Adapter = adapter;
        Activity = activity;
    }

    public BotAdapter Adapter { get; }

    public TurnContextStateCollection TurnState { get; } = new();

    public Activity Activity { get; }

    public bool Responded { get; private set; }

    public Task<ResourceResponse> SendActivityAsync(
        string textReplyToSend,
        string? speak = null,
        string? inputHint = InputHints.AcceptingInput,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(textReplyToSend);
        return SendActivityAsync(MessageFactory.Text(textReplyToSend, speak, inputHint), cancellationToken);
    }

    public async Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var responses = await SendActivitiesAsync([activity], cancellationToken);
        return responses.Length > 0 ? responses[0] : new ResourceResponse();
    }

    public Task<ResourceResponse[]> SendActivitiesAsync(IEnumerable<Activity> activities, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activities);

        var reference = Activity.GetConversationReference();
        if (IsProactive)
        {
            // The continuation event's id is made up; a client holds replies to ids it has not seen.
            reference.ActivityId = null;
        }

        var outgoing = activities.Select(a =>
        {
            ArgumentNullException.ThrowIfNull(a);
            a.Type ??= ActivityTypes.Message;
            return a.ApplyConversationReference(reference);
        }).ToList();

        return RunSendHandlersAsync(outgoing, 0, cancellationToken);
    }

    public Task<ResourceResponse> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var reference = Activity.GetConversationReference();
        var id = activity.Id;
        activity.ApplyConversationReference(reference);
        activity.Id = id;
        return RunUpdateHandlersAsync(activity, 0, cancellationToken);
    }

    public Task DeleteActivityAsync(string activityId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        var reference = Activity.GetConversationReference();
        reference.ActivityId = activityId;
        return DeleteActivityAsync(reference, cancellationToken);
    }

    public Task DeleteActivityAsync(ConversationReference conversationReference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversationReference);
        return RunDeleteHandlersAsync(conversationReference, 0, cancellationToken);
    }

    public ITurnContext OnSendActivities(SendActivitiesHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _onSend.Add(handler);
        return this;
    }

    public ITurnContext OnUpdateActivity(UpdateActivityHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _onUpdate.Add(handler);
        return this;
    }

    public ITurnContext OnDeleteActivity(DeleteActivityHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _onDelete.Add(handler);
        return this;
    }

    private bool IsProactive =>
        Activity.Type == ActivityTypes.Event && Activity.Name == ConversationReference.ContinueConversationEventName;

    private Task<ResourceResponse[]> RunSendHandlersAsync(List<Activity> activities, int index, CancellationToken cancellationToken) =>
        index == _onSend.Count
            ? SendThroughAdapterAsync(activities, cancellationToken)
            : _onSend[index](this, activities, () => RunSendHandlersAsync(activities, index + 1, cancellationToken));

    private async Task<ResourceResponse[]> SendThroughAdapterAsync(List<Activity> activities, CancellationToken cancellationToken)
    {
        // An invokeResponse activity is the answer to the incoming request, not a message to deliver.
        foreach (var invokeResponse in activities.Where(a => a.Type == ActivityTypes.InvokeResponse))
        {
            TurnState.Set(BotAdapter.InvokeResponseKey, ReadInvokeResponse(invokeResponse));
        }

        var toSend = activities.Where(a => a.Type != ActivityTypes.InvokeResponse).ToArray();
        if (toSend.Length == 0)
        {
            return activities.Select(_ => new ResourceResponse()).ToArray();
        }

        var responses = await Adapter.SendActivitiesAsync(this, toSend, cancellationToken);
        for (var i = 0; i < toSend.Length && i < responses.Length; i++)
        {
            toSend[i].Id ??= responses[i].Id;
        }

        if (toSend.Any(a => a.Type != ActivityTypes.Trace))
        {
            Responded = true;
        }

        return responses;
    }

    private static InvokeResponse ReadInvokeResponse(Activity activity)
    {
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value)
        {
            return new InvokeResponse(200);
        }

        var status = value.TryGetProperty("status", out var s) && s.TryGetInt32(out var n) ? n : 200;
        return new InvokeResponse(status, value.TryGetProperty("body", out var body) ? body : null);
    }

    private Task<ResourceResponse> RunUpdateHandlersAsync(Activity activity, int index, CancellationToken cancellationToken) =>
        index == _onUpdate.Count
            ? Adapter.UpdateActivityAsync(this, activity, cancellationToken)
            : _onUpdate[index](this, activity, () => RunUpdateHandlersAsync(activity, index + 1, cancellationToken));

    private Task RunDeleteHandlersAsync(ConversationReference reference, int index, CancellationToken cancellationToken) =>
        index == _onDelete.Count
            ? Adapter.DeleteActivityAsync(this, reference, cancellationToken)
            : _onDelete[index](this, reference, () => RunDeleteHandlersAsync(reference, index + 1, cancellationToken));
}
