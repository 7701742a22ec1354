using System.Text.Json;
using System.Text.Json.Serialization;

namespace SelfService.Web.Api.Calculators;

/// <summary>The public calculators families and SENCOs use to see what to expect, and when.</summary>
internal sealed class CalculatorApi : IApiEndpointGroup
{
    public void Map(RouteGroupBuilder api)
    {
        api.MapPost("/statutory-timeline", StatutoryTimelineEndpoint.HandleAsync);
        api.MapPost("/annual-review-timeline", AnnualReviewTimelineEndpoint.HandleAsync);
        api.MapPost("/appeal-deadline", AppealDeadlineEndpoint.HandleAsync);
        api.MapPost("/working-days", WorkingDaysEndpoint.HandleAsync);
    }
}

internal static class CalculatorApiRegistration
{
    public static IServiceCollection AddCalculatorApi(this IServiceCollection services)
    {
        // The API speaks camelCase words for statuses ("dueSoon"), as the calculators' callers expect.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        return services.AddApiEndpoints<CalculatorApi>();
    }
}
