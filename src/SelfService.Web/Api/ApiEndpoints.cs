namespace SelfService.Web.Api;

/// <summary>
/// One group of JSON endpoints under <c>/api</c> (for example the statutory-deadline calculator).
/// Register with <see cref="ApiEndpointsExtensions.AddApiEndpoints{T}"/>; the host maps every
/// registered group, so adding an API never means editing the pipeline.
/// </summary>
public interface IApiEndpointGroup
{
    void Map(RouteGroupBuilder api);
}

public static class ApiEndpointsExtensions
{
    public static readonly PathString ApiPrefix = new("/api");

    /// <summary>True for requests that must be answered with JSON, never an HTML page.</summary>
    public static bool IsApiRequest(this HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Path.StartsWithSegments(ApiPrefix);
    }

    public static IServiceCollection AddApiEndpoints<T>(this IServiceCollection services)
        where T : class, IApiEndpointGroup
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<IApiEndpointGroup, T>();
        return services;
    }

    public static RouteGroupBuilder MapApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var api = endpoints.MapGroup(ApiPrefix);
        foreach (var group in endpoints.ServiceProvider.GetServices<IApiEndpointGroup>())
        {
            group.Map(api);
        }

        return api;
    }
}
