using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace SelfService.Web.Documents;

/// <summary>
/// Reads an upload page's form with the configured size limit before anything else touches the
/// body. A file over the limit must become a GOV.UK error on the page, not a 413 or 400 page, so
/// the failure is caught here, remembered for the handler, and binding carries on with an empty form.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class UploadLimitsAttribute : Attribute, IAsyncResourceFilter
{
    private const string TooLargeKey = "SelfService.Upload.TooLarge";

    /// <summary>Room for the other fields and multipart framing around one file at the limit.</summary>
    private const long FormOverhead = 1024 * 1024;

    public static bool WasTooLarge(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items.ContainsKey(TooLargeKey);
    }

    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (HttpMethods.IsPost(http.Request.Method) && http.Request.HasFormContentType)
        {
            var maxFile = http.RequestServices.GetRequiredService<IOptions<DocumentOptions>>().Value.MaxFileBytes;
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
            {
                bodyLimit.MaxRequestBodySize = maxFile + FormOverhead;
            }

            http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions { MultipartBodyLengthLimit = maxFile + FormOverhead }));
            try
            {
                await http.Request.ReadFormAsync(http.RequestAborted);
            }
            catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException)
            {
                http.Items[TooLargeKey] = true;
                http.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
            }
        }

        await next();
    }
}
