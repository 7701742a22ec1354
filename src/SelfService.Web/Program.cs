using SelfService.BotFramework.Cards;
using SelfService.Data.Bot;
using SelfService.Data.WorkTray;
using SelfService.Web.Api.Calculators;
using SelfService.Web.Bot;
using SelfService.Web.Chat;
using SelfService.Web.Documents;
using SelfService.Web.Email;
using SelfService.Web.Enquiries;
using SelfService.Web.Hosting;
using SelfService.Web.Identity;
using SelfService.Web.Pages.Cases;
using SelfService.Web.Pages.Complaints;
using SelfService.Web.Pages.Staff.Dashboard;

var builder = WebApplication.CreateBuilder(args);

// Fail at startup, not on the first request, when a registration is missing or a singleton
// captures a scoped service (such as a DbContext).
builder.Host.UseDefaultServiceProvider(o =>
{
    o.ValidateOnBuild = true;
    o.ValidateScopes = true;
});

var paths = builder.Services.AddAppPaths(builder.Configuration, builder.Environment);
builder.Services.AddSelfServiceWeb(builder.Configuration);
builder.Services.AddDomainServices(builder.Configuration);
builder.Services.AddCaseStoreHosting(builder.Configuration, paths);
builder.Services.AddCalculatorApi();
builder.Services.AddBot(builder.Configuration, builder.Environment);
builder.Services.AddBotStateInCaseStore();
builder.Services.AddCardTemplates();
builder.Services.AddDirectLineChannel(builder.Configuration, builder.Environment, paths);
builder.Services.AddPortalIdentity(builder.Configuration, builder.Environment, paths);
builder.Services.AddEmail(builder.Configuration, builder.Environment, paths);
builder.Services.AddPortalChat(builder.Configuration);
builder.Services.AddAssessmentRequests(builder.Configuration);
builder.Services.AddCaseTracking();
builder.Services.AddMembersEnquiries(builder.Configuration);
builder.Services.AddSendBot(builder.Configuration);
builder.Services.AddCaseWorkTray();
builder.Services.AddComplaintPages();
builder.Services.AddDashboard(builder.Configuration);

var app = builder.Build();

if (DemoDataCommand.IsInvoked(args))
{
    return await DemoDataCommand.RunAsync(app.Services, args, Console.Out, CancellationToken.None);
}

if (MigrateCommand.IsInvoked(args))
{
    return await MigrateCommand.RunAsync(app.Services, Console.Out, CancellationToken.None);
}

app.UseSelfServiceWeb();
app.MapHealthEndpoints();
app.MapBot();
app.MapDirectLineChannel();
app.MapPortalChat();

await app.PrepareCaseStoreAsync();
await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
