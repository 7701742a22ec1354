using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SelfService.Data;
using SelfService.Data.Accounts;
using SelfService.Web.Tests.Support;

namespace SelfService.Web.Tests.SignIn;

public sealed class SignInTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task A_new_address_signs_in_with_the_emailed_code_and_gets_an_account()
    {
        var email = $"new.parent.{Guid.NewGuid():N}@example.com";
        using var client = PortalSignIn.CreateClient(factory);

        var code = await PortalSignIn.RequestCodeAsync(client, Mailbox.PickupFolder(factory), email);
        using var signedIn = await PortalSignIn.EnterCodeAsync(client, code);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/", signedIn.Headers.Location?.OriginalString);
        var home = await Html.ParseAsync(await client.GetAsync("/"));
        Assert.Contains(email, home.QuerySelector("#signed-in-as")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(home.QuerySelector("a[href='/sign-out']"));
        Assert.NotNull(home.QuerySelector("a[href='/requests']"));
        Assert.NotNull(home.QuerySelector("a[href='/cases']"));
        Assert.Null(home.QuerySelector("a[href='/sign-in']"));

        await using var scope = factory.Services.CreateAsyncScope();
        var account = await scope.ServiceProvider.GetRequiredService<CaseStoreDbContext>().Set<UserAccount>().SingleAsync(a => a.Email == email);
        Assert.NotNull(account.LastSignInAtUtc);
    }

    [Fact]
    public async Task The_helper_signs_in_and_the_header_offers_sign_in_to_everyone_else()
    {
        using var client = await PortalSignIn.SignInAsync(factory, "Helen.Carter@example.com");
        var signedIn = await Html.ParseAsync(await client.GetAsync("/"));
        Assert.Contains("helen.carter@example.com", signedIn.QuerySelector("#signed-in-as")?.TextContent, StringComparison.Ordinal);

        var anonymous = await Html.ParseAsync(await factory.CreateClient().GetAsync("/"));
        Assert.NotNull(anonymous.QuerySelector("a[href='/sign-in']"));
        Assert.Null(anonymous.QuerySelector("#signed-in-as"));
    }
}
