using SelfService.Web.Api;
using SelfService.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace SelfService.Web.Tests;

public sealed class AppPathsTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "selfservice-apppaths", Guid.NewGuid().ToString("N"));

    [Fact]
    public void Data_directory_defaults_to_App_Data_under_the_content_root_and_is_created()
    {
        var paths = new AppPaths(_root, null);

        Assert.Equal(Path.Combine(_root, "App_Data"), paths.DataDirectory);
        Assert.True(Directory.Exists(paths.DataDirectory));
        Assert.Equal(Path.Combine(_root, "App_Data", "selfservice.db"), paths.DataFile("selfservice.db"));
    }

    [Fact]
    public void Relative_data_directory_is_resolved_against_the_content_root()
    {
        var paths = new AppPaths(_root, "data/live");

        Assert.Equal(Path.Combine(_root, "data", "live"), paths.DataDirectory);
        Assert.True(Directory.Exists(Path.Combine(paths.DataDirectory, "..", "live")));
    }

    [Fact]
    public void Subdirectory_is_created_inside_the_data_directory()
    {
        var paths = new AppPaths(_root, null);

        var pickup = paths.EnsureDataSubdirectory("mail-pickup");

        Assert.True(Directory.Exists(pickup));
        Assert.Equal(paths.DataDirectory, Path.GetDirectoryName(pickup));
    }

    [Theory]
    [InlineData("../outside.db")]
    [InlineData("/etc/passwd")]
    [InlineData("sub/dir.db")]
    public void Names_that_escape_the_data_directory_are_refused(string name)
    {
        var paths = new AppPaths(_root, null);

        Assert.Throws<ArgumentException>(() => paths.DataFile(name));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}

public sealed class HostConfigurationTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Fact]
    public void Configured_data_directory_is_used_and_created_at_startup()
    {
        var paths = factory.Services.GetRequiredService<AppPaths>();

        Assert.Equal(factory.DataDirectory, paths.DataDirectory);
        Assert.True(Directory.Exists(factory.DataDirectory));
    }
}

public sealed class ApiErrorsTests
{
    [Fact]
    public void Item_path_names_the_array_index_and_property()
    {
        Assert.Equal("events[1].date", ApiErrors.Item("events", 1, "date"));
    }

    [Theory]
    [InlineData("$.events[1].date", "events[1].date")]
    [InlineData("$.childName", "childName")]
    [InlineData("$", "$")]
    [InlineData(null, "$")]
    public void Json_paths_become_field_keys(string? jsonPath, string expected)
    {
        Assert.Equal(expected, ApiErrors.FromJsonPath(jsonPath));
    }

    [Fact]
    public void Errors_for_the_same_field_are_kept_together()
    {
        var problem = new ApiErrors()
            .Add("events[0].date", "Enter the date")
            .Add("events[0].date", "The date must be in the past")
            .Add("events[2].type", "Select the event")
            .ToProblemDetails();

        Assert.Equal(400, problem.Status);
        Assert.Equal(["Enter the date", "The date must be in the past"], problem.Errors["events[0].date"]);
        Assert.Single(problem.Errors["events[2].type"]);
    }
}
