using Microsoft.Extensions.Configuration;
using SelfService.BotFramework.DirectLine;

namespace SelfService.Web.Tests.DirectLine;

/// <summary>The documented DirectLine settings bind to the options the channel reads.</summary>
public sealed class DirectLineSettingsTests
{
    [Fact]
    public void The_sample_settings_bind_to_the_channel_options_with_their_documented_defaults()
    {
        var sample = new ConfigurationBuilder().AddJsonFile(Path.Combine(RepositoryRoot(), "appsettings.sample.json"), optional: false).Build();
        var options = sample.GetSection(DirectLineOptions.SectionName).Get<DirectLineOptions>()!;
        var defaults = new DirectLineOptions();

        Assert.Equal(
            (defaults.TokenLifetimeMinutes, defaults.StreamTokenLifetimeSeconds, defaults.AttachmentUrlLifetimeHours, defaults.KeepAliveSeconds, defaults.BotId, defaults.BotName),
            (options.TokenLifetimeMinutes, options.StreamTokenLifetimeSeconds, options.AttachmentUrlLifetimeHours, options.KeepAliveSeconds, options.BotId, options.BotName));
        Assert.Equal(
            (defaults.MaxActivityBytes, defaults.MaxUploadBytes, defaults.MaxFilesPerUpload, defaults.MaxActivitiesPerPoll, defaults.MaxStreamsPerConversation, defaults.TranscriptRetentionDays, defaults.PurgeIntervalMinutes),
            (options.MaxActivityBytes, options.MaxUploadBytes, options.MaxFilesPerUpload, options.MaxActivitiesPerPoll, options.MaxStreamsPerConversation, options.TranscriptRetentionDays, options.PurgeIntervalMinutes));
        Assert.Equal(DirectLineOptions.DefaultUploadContentTypes, options.AllowedUploadContentTypes);
        Assert.True(string.IsNullOrEmpty(options.Secret));
        Assert.True(string.IsNullOrEmpty(options.TokenSigningKey));
    }

    [Fact]
    public void A_configured_list_of_upload_types_replaces_the_defaults()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DirectLine:AllowedUploadContentTypes:0"] = "application/pdf",
        }).Build();
        var options = configuration.GetSection(DirectLineOptions.SectionName).Get<DirectLineOptions>()!;
        Assert.Equal(["application/pdf"], options.AllowedUploadContentTypes);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SelfService.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root was not found.");
    }
}
