using SelfService.Web.Hosting;

namespace SelfService.Web.Email;

public static class EmailServiceCollectionExtensions
{
    /// <summary>
    /// The outbox worker and the way mail leaves: SMTP when <c>Email:Smtp:Host</c> is set, else the
    /// pickup folder (Development, or wherever <c>Email:PickupDirectory</c> is set), else nothing
    /// is sent and messages wait in the outbox.
    /// </summary>
    public static IServiceCollection AddEmail(
        this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment, AppPaths paths)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(paths);

        var section = configuration.GetSection(EmailOptions.SectionName);
        services.AddOptions<EmailOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        var settings = section.Get<EmailOptions>() ?? new EmailOptions();

        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxProcessor>();

        if (!string.IsNullOrWhiteSpace(settings.Smtp.Host))
        {
            services.AddSingleton<IEmailSender, SmtpEmailSender>();
        }
        else if (environment.IsDevelopment() || !string.IsNullOrWhiteSpace(settings.PickupDirectory))
        {
            var folder = Path.GetFullPath(
                string.IsNullOrWhiteSpace(settings.PickupDirectory) ? EmailOptions.DefaultPickupDirectory : settings.PickupDirectory,
                paths.DataDirectory);
            Directory.CreateDirectory(folder);
            services.AddSingleton(new EmailPickupFolder(folder));
            services.AddSingleton<IEmailSender, PickupDirectoryEmailSender>();
        }
        else
        {
            services.AddSingleton<IEmailSender, UnconfiguredEmailSender>();
        }

        if (settings.Worker.Enabled)
        {
            services.AddHostedService<OutboxWorker>();
        }

        return services;
    }
}
