using Microsoft.Extensions.DependencyInjection;
using SelfService.BotFramework.Builder;
using SelfService.Data;
using SelfService.Data.Cases;
using SelfService.Data.Conversations;
using SelfService.Data.Enquiries;
using SelfService.Data.Requests;

namespace SelfService.Dialogs.Conversations;

/// <summary>
/// One turn's user and services (from the turn's own scope: the bot outlives every DbContext),
/// kept in the turn state for the dialogs.
/// </summary>
public sealed class ChatTurn(ChatUser user, IServiceProvider services, DateOnly today, ChatTranscript transcript)
{
    private (CaseList List, IReadOnlyList<ChatSubject> Subjects)? _subjects;

    public ChatUser User { get; } = user;

    public DateOnly Today { get; } = today;

    public ChatTranscript Transcript { get; } = transcript;

    public CaseReader Reader => services.GetRequiredService<CaseReader>();

    public CaseStoreDbContext Db => services.GetRequiredService<CaseStoreDbContext>();

    public ChatLinks Links => services.GetRequiredService<ChatLinks>();

    public ChatHandoffs Handoffs => services.GetRequiredService<ChatHandoffs>();

    public RequestDraftStore Drafts => services.GetRequiredService<RequestDraftStore>();

    public MemberEnquiryStore Enquiries => services.GetRequiredService<MemberEnquiryStore>();

    public static ChatTurn From(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return turnContext.TurnState.Get<ChatTurn>() ?? throw new InvalidOperationException("The SEND bot did not set up this turn.");
    }

    /// <summary>The user's children (through the case-access policy), loaded once per turn.</summary>
    public async Task<IReadOnlyList<ChatSubject>> SubjectsAsync(CancellationToken cancellationToken)
    {
        _subjects ??= await ChatSubjects.LoadAsync(Reader, Db, User.Viewer, Today, cancellationToken);
        return _subjects.Value.Subjects;
    }
}
