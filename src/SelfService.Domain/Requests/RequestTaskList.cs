using SelfService.Domain.Assessments;

namespace SelfService.Domain.Requests;

/// <summary>The GOV.UK task list statuses.</summary>
public enum RequestTaskStatus
{
    NotYetStarted,
    InProgress,
    Completed,
    CannotStartYet,
}

/// <param name="Key">The question's page, relative to the draft (e.g. <c>child</c>).</param>
public sealed record RequestTask(string Key, string Name, RequestTaskStatus Status);

/// <summary>A section of the task list.</summary>
public sealed record RequestTaskGroup(string Heading, IReadOnlyList<RequestTask> Tasks);

/// <summary>The page keys of the journey, in order; also the URL segments after <c>/requests/{id}/</c>.</summary>
public static class RequestPages
{
    public const string WhoIsAsking = "who-is-asking";
    public const string Consent = "consent";
    public const string Child = "child";
    public const string Parents = "parents";
    public const string School = "school";
    public const string Needs = "needs";
    public const string SupportHistory = "support-history";
    public const string Views = "views";
    public const string Professionals = "professionals";
    public const string Documents = "documents";
    public const string CheckAnswers = "check-answers";
    public const string Declaration = "declaration";
}

public static class RequestTaskList
{
    public static IReadOnlyList<RequestTaskGroup> For(RequestAnswers answers, int documentCount, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var started = answers.WhoIsAsking is not null;
        var blocked = started ? (RequestTaskStatus?)null : RequestTaskStatus.CannotStartYet;

        var who = answers.WhoIsAsking switch
        {
            null => RequestTaskStatus.NotYetStarted,
            { Requester: Requester.SchoolWithParentalConsent } when answers.Consent is null => RequestTaskStatus.InProgress,
            _ => RequestTaskStatus.Completed,
        };
        var child = blocked ?? Done(answers.Child is not null);
        var parents = answers.Child is null ? RequestTaskStatus.CannotStartYet : Done(answers.Parents is not null);
        var documents = blocked ?? (answers.DocumentsConfirmed
            ? RequestTaskStatus.Completed
            : documentCount > 0 ? RequestTaskStatus.InProgress : RequestTaskStatus.NotYetStarted);

        var aboutTasks = new List<RequestTask>
        {
            new(RequestPages.WhoIsAsking, "Who is asking", who),
            new(RequestPages.Child, "The child or young person", child),
            new(RequestPages.Parents, "Parents and carers", parents),
            new(RequestPages.School, "Current school or setting", blocked ?? Done(answers.School is not null)),
        };
        var needsTasks = new List<RequestTask>
        {
            new(RequestPages.Needs, "Needs", blocked ?? Done(answers.Needs is not null)),
            new(RequestPages.SupportHistory, "Support that has been tried", blocked ?? Done(answers.SupportHistory is not null)),
            new(RequestPages.Views, "Views of the child and family", blocked ?? Done(answers.Views is not null)),
            new(RequestPages.Professionals, "Professionals involved", blocked ?? Done(answers.Professionals is not null)),
            new(RequestPages.Documents, "Documents", documents),
        };

        var ready = RequestReadiness.Problems(answers, today).Count == 0;
        var check = ready ? (answers.Declaration is null ? RequestTaskStatus.NotYetStarted : RequestTaskStatus.Completed) : RequestTaskStatus.CannotStartYet;
        return
        [
            new("About the request", aboutTasks),
            new("Needs and support", needsTasks),
            new("Send the request", [new RequestTask(RequestPages.CheckAnswers, "Check answers and send", check)]),
        ];
    }

    private static RequestTaskStatus Done(bool done) => done ? RequestTaskStatus.Completed : RequestTaskStatus.NotYetStarted;
}

/// <summary>A reason the request cannot be sent yet, and the page that fixes it.</summary>
public sealed record RequestProblem(string Page, string Message);

/// <summary>
/// Checks across questions, before the request can be sent: each answer was valid when given, but
/// a later change (who is asking, the child's date of birth) can make an earlier one no longer fit.
/// </summary>
public static class RequestReadiness
{
    public static IReadOnlyList<RequestProblem> Problems(RequestAnswers answers, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var problems = new List<RequestProblem>();
        if (answers.WhoIsAsking is not { } who)
        {
            problems.Add(new(RequestPages.WhoIsAsking, "Say who is asking for the assessment"));
            return problems;
        }

        if (who.Requester == Requester.SchoolWithParentalConsent && answers.Consent is null)
        {
            problems.Add(new(RequestPages.Consent, "Record the parent's consent to the school asking"));
        }

        if (answers.Child is not { } child)
        {
            problems.Add(new(RequestPages.Child, "Give the child or young person's details"));
        }
        else
        {
            var age = child.AgeOn(today);
            if (age > RequestQuestions.MaxAge)
            {
                problems.Add(new(RequestPages.Child, $"The child or young person must be aged {RequestQuestions.MaxAge} or under"));
            }
            else if (who.Requester == Requester.YoungPerson && age < RequestQuestions.YoungPersonFromAge)
            {
                problems.Add(new(RequestPages.Child, $"You can only ask for yourself if you are aged {RequestQuestions.YoungPersonFromAge} to {RequestQuestions.MaxAge}"));
            }
        }

        if (answers.Parents is not { } parents)
        {
            problems.Add(new(RequestPages.Parents, "Give the parents' or carers' details"));
        }
        else
        {
            var under16 = answers.Child is { } c && c.AgeOn(today) < RequestQuestions.YoungPersonFromAge;
            if (parents.Count == 0 && (who.Requester != Requester.YoungPerson || under16))
            {
                problems.Add(new(RequestPages.Parents, "Give the details of at least one parent or carer"));
            }

            if (who.Requester == Requester.SchoolWithParentalConsent && parents.Any(p => p.Email is null))
            {
                problems.Add(new(RequestPages.Parents, "Give an email address for each parent or carer"));
            }
        }

        Require(answers.School, RequestPages.School, "Say which school or setting the child or young person goes to", problems);
        Require(answers.Needs, RequestPages.Needs, "Describe the child or young person's needs", problems);
        if (answers.SupportHistory is not { } history)
        {
            problems.Add(new(RequestPages.SupportHistory, "Describe the support that has been tried"));
        }
        else if (who.Requester == Requester.SchoolWithParentalConsent && !history.HadSenSupport)
        {
            problems.Add(new(RequestPages.SupportHistory, "A school or setting must describe the SEN support it has given"));
        }

        Require(answers.Views, RequestPages.Views, "Give the child or young person's views", problems);
        Require(answers.Professionals, RequestPages.Professionals, "Say which professionals are involved, or that none are", problems);
        if (!answers.DocumentsConfirmed)
        {
            problems.Add(new(RequestPages.Documents, "Add any documents, or say you have none to add"));
        }

        return problems;
    }

    private static void Require(object? answer, string page, string message, List<RequestProblem> problems)
    {
        if (answer is null)
        {
            problems.Add(new(page, message));
        }
    }
}
