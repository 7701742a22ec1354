using SelfService.Web.Identity.Staff;
using SelfService.Web.Pages.SignIn;

namespace SelfService.Web.Pages.StaffSignIn;

/// <summary>The staff sign-in pages: the problem to explain, if any, and its words.</summary>
public abstract class StaffSignInPageModel : SignInPageModel
{
    public StaffSignInProblemText? Problem { get; private set; }

    protected void ShowProblem(StaffSignInProblem problem)
    {
        Problem = StaffSignInProblemText.For(problem);
        Response.StatusCode = Problem.StatusCode;
        ViewData["Title"] = Problem.Heading;
    }

    protected string? SafeStaffReturnUrl(string? returnUrl) =>
        SafeReturnUrl(returnUrl) is { } safe && !safe.StartsWith("/staff/sign-", StringComparison.OrdinalIgnoreCase) ? safe : null;
}

/// <summary>What a person is told about each problem: plain words, what to do next, never a technical reason.</summary>
public sealed record StaffSignInProblemText(int StatusCode, string Heading, string Explanation, string NextStep, bool CanRetry = true)
{
    private const string AskAdministrator = "If this keeps happening, contact your system administrator.";

    public static StaffSignInProblemText For(StaffSignInProblem problem) => problem switch
    {
        StaffSignInProblem.NotConfigured => new(
            StatusCodes.Status503ServiceUnavailable,
            "Staff sign-in is not available",
            "Sign-in with your council account has not been set up for this service yet. Staff cannot sign in with an emailed code.",
            "Ask your system administrator to set up staff sign-in.",
            CanRetry: false),
        StaffSignInProblem.ProviderUnavailable => new(
            StatusCodes.Status502BadGateway,
            "Sorry, the council's sign-in service is not responding",
            "We could not reach the service that checks council accounts.",
            "Try again in a few minutes. " + AskAdministrator),
        StaffSignInProblem.Denied => new(
            StatusCodes.Status403Forbidden,
            "You did not finish signing in",
            "Your council account did not let this service sign you in.",
            AskAdministrator),
        StaffSignInProblem.ProviderError or StaffSignInProblem.TokenRequestFailed => new(
            StatusCodes.Status502BadGateway,
            "Sorry, there was a problem signing you in",
            "The council's sign-in service did not confirm who you are.",
            "Try again. " + AskAdministrator),
        StaffSignInProblem.NoSignInInProgress or StaffSignInProblem.StateMismatch or StaffSignInProblem.Replayed => new(
            StatusCodes.Status400BadRequest,
            "Your sign-in did not complete",
            "This can happen if you used the back button, opened the sign-in link in another tab or browser, or followed an old link.",
            "Start signing in again."),
        StaffSignInProblem.Expired => new(
            StatusCodes.Status400BadRequest,
            "Your sign-in timed out",
            "You took too long to come back from the council's sign-in page, so we stopped the sign-in to protect your account.",
            "Start signing in again."),
        StaffSignInProblem.TokenInvalid => new(
            StatusCodes.Status403Forbidden,
            "We could not confirm who you are",
            "The council's sign-in service sent something we could not check, so you have not been signed in.",
            "Try again. " + AskAdministrator),
        StaffSignInProblem.NoRole => new(
            StatusCodes.Status403Forbidden,
            "You do not have access to the SEND service",
            "Your council account is not a caseworker, service manager or administrator of the SEND service.",
            "Ask your manager or system administrator to give your account a SEND service role, then sign in again."),
        StaffSignInProblem.NoIdentity => new(
            StatusCodes.Status403Forbidden,
            "Your council account has no email address",
            "We need your council email address to find your staff record.",
            "Ask your system administrator to add an email address to your council account.",
            CanRetry: false),
        _ => new(
            StatusCodes.Status403Forbidden,
            "Your council account does not match your account here",
            "Your council account and the email address it uses are linked to different people in this service.",
            "Contact your system administrator so they can check your account.",
            CanRetry: false),
    };
}
