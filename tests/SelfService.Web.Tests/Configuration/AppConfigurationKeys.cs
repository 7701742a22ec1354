using System.Collections;
using System.Reflection;
using SelfService.BotFramework.Authentication;
using SelfService.BotFramework.Connector;
using SelfService.BotFramework.DirectLine;
using SelfService.BotFramework.Integration;
using SelfService.Data;
using SelfService.Dialogs.Conversations;
using SelfService.Domain.Calendar;
using SelfService.Domain.Performance;
using SelfService.Web.Chat;
using SelfService.Web.Documents;
using SelfService.Web.Email;
using SelfService.Web.Enquiries;
using SelfService.Web.Pages.Staff.Dashboard;
using SelfService.Web.Hosting;
using SelfService.Web.Identity;
using SelfService.Web.Identity.Staff;

namespace SelfService.Web.Tests.Configuration;

/// <summary>
/// Every configuration key the app reads: the properties of each options type bound from a
/// section, plus the keys read one by one. <see cref="Reads"/> lists the expressions src/ passes to
/// configuration look-ups, so a new look-up fails the coverage test until it is added here.
/// </summary>
internal static class AppConfigurationKeys
{
    /// <summary>Section and the type bound to it (several types may share a section).</summary>
    public static readonly IReadOnlyList<(string Section, Type Options)> Bindings =
    [
        (BotAuthenticationOptions.SectionName, typeof(BotAuthenticationOptions)),
        (BotFrameworkOptions.SectionName, typeof(BotFrameworkOptions)),
        (BotAuthenticationOptions.SectionName, typeof(ConnectorClientOptions)),
        (DirectLineOptions.SectionName, typeof(DirectLineOptions)),
        (DocumentOptions.SectionName, typeof(DocumentOptions)),
        (RequestOptions.SectionName, typeof(RequestOptions)),
        (StaffSignInOptions.SectionName, typeof(StaffSignInOptions)),
        (SignInOptions.SectionName, typeof(SignInOptions)),
        (CouncilOptions.SectionName, typeof(CouncilOptions)),
        (DemoDataOptions.SectionName, typeof(DemoDataOptions)),
        ("Database", typeof(CaseStoreStartupOptions)),
        (DomainServices.ServiceLevelsSection, typeof(ServiceLevels)),
        (EnglandFigure.SectionName, typeof(EnglandFigure)),
        (ChatDeliveryOptions.SectionName, typeof(ChatDeliveryOptions)),
        (EnquiryOptions.SectionName, typeof(EnquiryOptions)),
        (DashboardOptions.SectionName, typeof(DashboardOptions)),
        (EmailOptions.SectionName, typeof(EmailOptions)),
        (ConversationOptions.SectionName, typeof(ConversationOptions)),
    ];

    /// <summary>Keys read by name rather than bound.</summary>
    public static readonly IReadOnlyList<string> DirectKeys =
    [
        AppPaths.DataDirectoryKey,
        CaseStoreOptions.ProviderKey,
        $"ConnectionStrings:{CaseStoreOptions.ConnectionStringName}",
        "ForwardedHeaders:KnownProxies",
    ];

    /// <summary>
    /// The argument of every <c>GetSection(…)</c>, <c>configuration[…]</c> and
    /// <c>GetConnectionString(…)</c> in src/, as written; each is covered by the lists above.
    /// </summary>
    public static readonly IReadOnlySet<string> Reads = new HashSet<string>(StringComparer.Ordinal)
    {
        "BotAuthenticationOptions.SectionName",
        "BotFrameworkOptions.SectionName",
        "DirectLineOptions.SectionName",
        "DocumentOptions.SectionName",
        "$\"{DocumentOptions.SectionName}:{nameof(DocumentOptions.ClamAvHost)}\"",
        "RequestOptions.SectionName",
        "StaffSignInOptions.SectionName",
        "SignInOptions.SectionName",
        "CouncilOptions.SectionName",
        "DemoDataOptions.SectionName",
        "\"Database\"",
        "ServiceLevelsSection",
        "EnglandFigure.SectionName",
        "ChatDeliveryOptions.SectionName",
        "EnquiryOptions.SectionName",
        "DashboardOptions.SectionName",
        "EmailOptions.SectionName",
        "ConversationOptions.SectionName",
        "AppPaths.DataDirectoryKey",
        "ProviderKey",
        "ConnectionStringName",
        "\"ForwardedHeaders:KnownProxies\"",
    };

    /// <summary>Keys whose value is a dictionary of the council's own entries.</summary>
    public static readonly IReadOnlySet<string> Dictionaries = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "StaffSignIn:RoleMappings",
    };

    public static IReadOnlyCollection<string> All()
    {
        var keys = new SortedSet<string>(DirectKeys, StringComparer.OrdinalIgnoreCase);
        foreach (var (section, type) in Bindings)
        {
            AddProperties(keys, section, type);
        }

        return keys;
    }

    private static void AddProperties(ISet<string> keys, string prefix, Type type)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var key = $"{prefix}:{property.Name}";
            var valueType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var settable = property.SetMethod is { IsPublic: true };
            if (IsLeaf(valueType))
            {
                if (settable)
                {
                    keys.Add(key);
                }
            }
            else if (typeof(IEnumerable).IsAssignableFrom(valueType))
            {
                // The binder fills a collection in place even without a setter.
                keys.Add(key);
            }
            else if (valueType.IsClass)
            {
                AddProperties(keys, key, valueType);
            }
        }
    }

    private static bool IsLeaf(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal)
        || type == typeof(TimeSpan) || type == typeof(Uri) || type == typeof(DateOnly) || type == typeof(DateTimeOffset);
}
