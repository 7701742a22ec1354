using System.Diagnostics.CodeAnalysis;

// Bot Builder's own names, kept so that a Bot Builder developer recognises every type and member.
[assembly: SuppressMessage("Naming", "CA1711", Justification = "Bot Builder's name.", Scope = "type", Target = "~T:SelfService.BotFramework.Builder.NextDelegate")]
[assembly: SuppressMessage("Naming", "CA1711", Justification = "Bot Builder's name.", Scope = "type", Target = "~T:SelfService.BotFramework.Builder.TurnContextStateCollection")]
[assembly: SuppressMessage("Naming", "CA1716", Justification = "Bot Builder's parameter name.", Scope = "member", Target = "~M:SelfService.BotFramework.Builder.IMiddleware.OnTurnAsync(SelfService.BotFramework.Builder.ITurnContext,SelfService.BotFramework.Builder.NextDelegate,System.Threading.CancellationToken)~System.Threading.Tasks.Task")]
