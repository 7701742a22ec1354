using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SelfService.Data;
using SelfService.Data.DemoData;
using SelfService.Domain.Access;
using SelfService.Domain.People;
using SelfService.Web.Api;
using SelfService.Web.Hosting;
using SelfService.Web.Identity;
using SelfService.Web.Tests.Support;

namespace SelfService.Web.Tests.SignIn;

/// <summary>The demo authority, plus a test endpoint that answers with the signed-in <see cref="IPortalUser"/>'s viewer.</summary>
public sealed class ViewerWebAppFactory : DemoWebAppFactory
{
    public const string ViewerPath = "/api/test/viewer";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddApiEndpoints<ViewerEndpoint>());
    }

    private sealed class ViewerEndpoint : IApiEndpointGroup
    {
        public void Map(RouteGroupBuilder api)
        {
            api.MapGet("/test/viewer", async (IPortalUser user, CancellationToken cancellationToken) =>
            {
                var first = await user.GetViewerAsync(cancellationToken);
                var second = await user.GetViewerAsync(cancellationToken);
                return TypedResults.Ok(new ViewerDto(ViewerWire.From(first), ReferenceEquals(first, second), user.IsSignedIn, user.AccountId, user.Email));
            });
            api.MapGet("/test/private", (IPortalUser user) => TypedResults.Ok(user.Email)).RequireAuthorization();
        }
    }
}

public sealed record ViewerDto(ViewerWire Viewer, bool CachedForTheRequest, bool IsSignedIn, Guid AccountId, string Email);

/// <summary><see cref="Viewer"/> with concrete collections, so it reads back from JSON.</summary>
public sealed record ViewerWire(
    Guid AccountId,
    string Email,
    Guid? ParentCarerId,
    HashSet<Guid> ChildrenInCare,
    Guid? YoungPersonChildId,
    HashSet<Guid> SchoolIds,
    Guid? ElectedMemberId,
    Guid? StaffMemberId,
    string? StaffRole,
    bool IsSignedIn,
    bool IsStaff)
{
    public static ViewerWire From(Viewer v) => new(
        v.AccountId, v.Email, v.ParentCarerId, v.ChildrenInCare.ToHashSet(), v.YoungPersonChildId, v.SchoolIds.ToHashSet(),
        v.ElectedMemberId, v.StaffMemberId, v.StaffRole?.ToString(), v.IsSignedIn, v.IsStaff);
}

public sealed class ViewerTests(ViewerWebAppFactory factory) : IClassFixture<ViewerWebAppFactory>
{
    [Fact]
    public async Task Nobody_signed_in_is_the_anonymous_viewer()
    {
        var dto = await factory.CreateClient().GetFromJsonAsync<ViewerDto>(ViewerWebAppFactory.ViewerPath);

        Assert.False(dto!.IsSignedIn);
        Assert.Equal(Guid.Empty, dto.AccountId);
        Assert.Equal(Viewer.Anonymous.Email, dto.Viewer.Email);
        Assert.False(dto.Viewer.IsSignedIn);
    }

    [Fact]
    public async Task A_parent_sees_the_children_they_have_parental_responsibility_for()
    {
        var dto = await ViewerOfAsync(DemoCast.ParentEmail);

        Assert.True(dto.IsSignedIn);
        Assert.True(dto.CachedForTheRequest);
        Assert.Equal(DemoCast.ParentEmail, dto.Email);
        Assert.Equal(dto.AccountId, dto.Viewer.AccountId);
        Assert.Equal(DemoCast.ParentId, dto.Viewer.ParentCarerId);
        Assert.Equal(new HashSet<Guid> { DemoCast.SamChildId, DemoCast.MaisieChildId }, dto.Viewer.ChildrenInCare);
        AssertNoOtherRoles(dto.Viewer, parent: true);
    }

    [Fact]
    public async Task The_second_parent_is_linked_to_the_same_children()
    {
        var dto = await ViewerOfAsync(DemoCast.SecondParentEmail);

        Assert.Equal(DemoCast.SecondParentId, dto.Viewer.ParentCarerId);
        Assert.Contains(DemoCast.SamChildId, dto.Viewer.ChildrenInCare);
    }

    [Fact]
    public async Task A_young_person_is_their_own_child_record()
    {
        var dto = await ViewerOfAsync(DemoCast.YoungPersonEmail);

        Assert.Equal(DemoCast.YoungPersonChildId, dto.Viewer.YoungPersonChildId);
        AssertNoOtherRoles(dto.Viewer, youngPerson: true);
    }

    [Theory]
    [InlineData(15)]
    [InlineData(26)]
    public async Task A_child_with_an_email_address_outside_16_to_25_is_not_a_young_person_viewer(int age)
    {
        var email = $"child.aged.{age}.{Guid.NewGuid():N}@example.com";
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var today = scope.ServiceProvider.GetRequiredService<UkClock>().Today();
            var db = scope.ServiceProvider.GetRequiredService<CaseStoreDbContext>();
            var child = new Child(Guid.NewGuid(), "Test", "Child", today.AddYears(-age).AddDays(-30), "LS1 1AA");
            child.SetOwnEmail(email);
            db.Children.Add(child);
            await db.SaveChangesAsync();
        }

        var dto = await ViewerOfAsync(email);

        Assert.Null(dto.Viewer.YoungPersonChildId);
    }

    [Fact]
    public async Task A_SENCO_acts_for_their_school()
    {
        var dto = await ViewerOfAsync(DemoCast.SencoEmail);

        Assert.Equal([DemoCast.PrimarySchoolId], dto.Viewer.SchoolIds);
        AssertNoOtherRoles(dto.Viewer, school: true);
    }

    [Fact]
    public async Task A_school_shared_mailbox_acts_for_its_school()
    {
        var dto = await ViewerOfAsync(DemoCast.SharedSencoMailboxEmail);

        Assert.Equal([DemoCast.SecondarySchoolId], dto.Viewer.SchoolIds);
    }

    [Fact]
    public async Task A_SENCO_who_leaves_loses_the_school_at_once_without_signing_out()
    {
        var email = $"leaving.senco.{Guid.NewGuid():N}@example.com";
        var contactId = Guid.NewGuid();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CaseStoreDbContext>();
            db.SchoolContacts.Add(new SchoolContact(contactId, DemoCast.PrimarySchoolId, "Leaving Senco", email, SchoolContactRole.Senco));
            await db.SaveChangesAsync();
        }

        using var client = await PortalSignIn.SignInAsync(factory, email);
        Assert.Equal([DemoCast.PrimarySchoolId], (await client.GetFromJsonAsync<ViewerDto>(ViewerWebAppFactory.ViewerPath))!.Viewer.SchoolIds);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CaseStoreDbContext>();
            (await db.SchoolContacts.SingleAsync(c => c.Id == contactId)).Deactivate();
            await db.SaveChangesAsync();
        }

        Assert.Empty((await client.GetFromJsonAsync<ViewerDto>(ViewerWebAppFactory.ViewerPath))!.Viewer.SchoolIds);
    }

    [Theory]
    [InlineData(DemoCast.CouncillorEmail)]
    [InlineData(DemoCast.MpEmail)]
    public async Task Councillors_and_MPs_are_elected_members(string email)
    {
        var dto = await ViewerOfAsync(email);

        Assert.Equal(email == DemoCast.MpEmail ? DemoCast.MpId : DemoCast.CouncillorId, dto.Viewer.ElectedMemberId);
        AssertNoOtherRoles(dto.Viewer, member: true);
    }

    [Theory]
    [InlineData(DemoCast.CaseworkerEmail, StaffRole.Caseworker)]
    [InlineData(DemoCast.ServiceManagerEmail, StaffRole.ServiceManager)]
    public async Task Demo_staff_sign_in_the_same_way_in_Development(string email, StaffRole role)
    {
        var dto = await ViewerOfAsync(email);

        Assert.True(dto.Viewer.IsStaff);
        Assert.Equal(role.ToString(), dto.Viewer.StaffRole);
        Assert.Equal(email == DemoCast.CaseworkerEmail ? DemoCast.CaseworkerId : DemoCast.ServiceManagerId, dto.Viewer.StaffMemberId);
    }

    [Fact]
    public async Task Staff_get_no_staff_access_by_email_code_where_that_is_turned_off()
    {
        await using var app = factory.WithWebHostBuilder(b => b.UseSetting("SignIn:StaffByEmailCode", "false"));
        using var client = await PortalSignIn.SignInAsync(app, DemoCast.CaseworkerEmail);

        var dto = await client.GetFromJsonAsync<ViewerDto>(ViewerWebAppFactory.ViewerPath);

        Assert.True(dto!.IsSignedIn);
        Assert.False(dto.Viewer.IsStaff);
        Assert.Null(dto.Viewer.StaffRole);
    }

    [Fact]
    public async Task An_API_that_needs_a_signed_in_user_answers_401_problem_details_not_a_redirect()
    {
        using var anonymous = PortalSignIn.CreateClient(factory);
        using var refused = await anonymous.GetAsync("/api/test/private");

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);

        using var client = await PortalSignIn.SignInAsync(factory, DemoCast.ParentEmail);
        Assert.Equal(DemoCast.ParentEmail, await client.GetFromJsonAsync<string>("/api/test/private"));
    }

    [Fact]
    public async Task A_new_address_is_signed_in_with_no_roles()
    {
        var email = $"brand.new.{Guid.NewGuid():N}@example.com";

        var dto = await ViewerOfAsync(email);

        Assert.True(dto.Viewer.IsSignedIn);
        Assert.Equal(email, dto.Viewer.Email);
        AssertNoOtherRoles(dto.Viewer);
    }

    private async Task<ViewerDto> ViewerOfAsync(string email)
    {
        using var client = await PortalSignIn.SignInAsync(factory, email);
        return (await client.GetFromJsonAsync<ViewerDto>(ViewerWebAppFactory.ViewerPath))!;
    }

    private static void AssertNoOtherRoles(ViewerWire viewer, bool parent = false, bool youngPerson = false, bool school = false, bool member = false)
    {
        if (!parent)
        {
            Assert.Null(viewer.ParentCarerId);
            Assert.Empty(viewer.ChildrenInCare);
        }

        if (!youngPerson)
        {
            Assert.Null(viewer.YoungPersonChildId);
        }

        if (!school)
        {
            Assert.Empty(viewer.SchoolIds);
        }

        if (!member)
        {
            Assert.Null(viewer.ElectedMemberId);
        }

        Assert.False(viewer.IsStaff);
    }
}
