namespace SelfService.Dialogs.Conversations;

/// <summary>What the bot says that depends on no one's case: the same for everyone, signed in or not.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "All the wording is read through one instance, whichever lines happen to use configuration.")]
public sealed class GeneralAnswers(ConversationOptions options)
{
    public string Greeting =>
        $"Hello, I am the SEND Self-Service assistant for {options.CouncilName}'s special educational needs and disabilities (SEND) service.";

    public string WhatICanDo =>
        "I can tell you where a request or plan is up to, what happens next and when, the deadlines, and who your caseworker is. " +
        "I can explain EHC needs assessments and plans, the 20-week process, and what you can do if the council says no. " +
        "I can help you start a request, respond to a draft plan, make a complaint, or send a message to a person.";

    public string Help => WhatICanDo + " Say \"start again\" at any time to start over.";

    public string Thanks => "You're welcome. Is there anything else I can help with?";

    public string Cancelled => "OK, let's start again. What would you like to know?";

    public string CannotHelp => "Sorry, I can't help with that. " + WhatICanDo;

    public string TooLong =>
        $"Sorry, that message is too long for me to read. Please ask in fewer than {options.MaxMessageLength} characters, " +
        $"or email the SEND team at {options.SendTeamEmail}.";

    public string AboutAssessment =>
        "An EHC needs assessment is when the council gathers advice about a child or young person's special educational needs, " +
        "to decide whether they need an education, health and care (EHC) plan. The council must decide within 6 weeks whether to assess. " +
        $"To ask for one: {options.Link("/requests")}";

    public string AboutPlan =>
        "An education, health and care (EHC) plan is a legal document that describes a child or young person's special educational needs, " +
        "the support they must get, and the school or setting they will attend. It is reviewed at least once a year (the annual review).";

    public string WhoCanAsk =>
        "A parent or carer can ask for an EHC needs assessment, and so can a young person aged 16 to 25 for themselves. " +
        "A school or college can ask too, with the parent's or young person's agreement. " +
        $"You can start a request here: {options.Link("/requests")}";

    public string TwentyWeeks =>
        "The whole process, from the council receiving the request to the final EHC plan, must take no more than 20 weeks. " +
        "The council decides whether to assess within 6 weeks, decides whether to issue a plan within 16 weeks, " +
        "you get 15 days to respond to a draft plan, and the final plan is due by week 20. " +
        $"The page {options.Link("/what-happens-and-when")} shows the dates for any request date.";

    public string CouncilSaysNo =>
        "If the council decides not to assess, or not to issue a plan, or you disagree with what a plan says, you can: " +
        "talk to your caseworker first; ask for mediation (you must get mediation advice before appealing, except about the school named); " +
        "and appeal to the First-tier Tribunal (SEND). The appeal deadline is 2 months from the date of the decision letter, " +
        "or 1 month from a mediation certificate if that is later.";

    public string SignInForCases =>
        $"To talk about your own requests and plans, sign in first: {options.Link("/sign-in")}. Until then I can only give general information.";

    public string LinkForCases =>
        $"To talk about your own requests and plans here, I need to know it is you. Sign in to the portal, open {options.Link("/chat/link")} " +
        "to get a 6-digit code, and type the code here. Until then I can only give general information.";

    public string NotFound =>
        "I can't find a child or request by that name or reference among those linked to you. " +
        "I can only talk about children and requests linked to your account.";

    public string NoCases =>
        $"I can't see any requests or plans linked to your account. To ask for an EHC needs assessment: {options.Link("/requests")}";

    public string WhichChild => "Which child do you mean?";

    public string StartRequest =>
        $"You can ask for an EHC needs assessment online: {options.Link("/requests")}. " +
        "If you have started one already, the same page lets you carry on where you left off.";

    public string Complaint =>
        $"I'm sorry things have gone wrong. You can make a complaint here: {options.Link("/complaints/new")}. " +
        "You can also say \"talk to a person\" to send a message to your caseworker first.";

    public string Linked => "Thank you, that code is right. I now know who you are in this chat, so I can talk about your requests and plans. Say \"forget me\" at any time to undo this.";

    public string LinkRefused => $"Sorry, that code is not right or has expired. Codes last 10 minutes and work once. You can get a new one at {options.Link("/chat/link")}.";

    public string LinkTooMany => "Sorry, too many codes that were not right have been typed here. Please wait an hour and try again with a new code.";

    public string LinkHere => $"In the portal's chat you are already known when you are signed in: {options.Link("/sign-in")}. Codes are for other apps, such as Teams.";

    public string Forgotten => "Done: this chat is no longer linked to your account. I will only give general information here until you link it again.";

    public string NothingToForget => "This chat is not linked to an account, so there is nothing to forget.";

    public string NothingToForgetHere => $"This chat knows you because you are signed in to the portal. To stop, sign out: {options.Link("/sign-out")}";

    public string MessageEmpty => "Please type your message in the box, then choose Send message.";

    public string MessageSentWhatNext(string recipient) =>
        $"We have sent your message and this conversation to {recipient}. They will reply by email. Please quote the reference if you get in touch about it.";
}
