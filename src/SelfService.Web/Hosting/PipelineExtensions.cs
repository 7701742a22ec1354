using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;
using SelfService.Web.Api;
using SelfService.Web.Identity;

namespace SelfService.Web.Hosting;

public static partial class PipelineExtensions
{
    /// <summary>Where GOV.UK Frontend's compiled CSS expects its fonts and images.</summary>
    public static readonly PathString GovUkAssetsPath = new("/assets");

    public static WebApplication UseSelfServiceWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // Behind nginx (or Azure's front end) the request arrives over HTTP from the proxy: believe
        // its X-Forwarded-Proto and -For, so links, Direct Line stream URLs and HSTS say https and
        // the client's own address is the one logged. Only proxies in ForwardedHeaders:KnownProxies
        // (default: this machine) are believed.
        var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        foreach (var proxy in app.Configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
        {
            forwarded.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
        }

        app.UseForwardedHeaders(forwarded);

        // Outermost after that, so error pages and static files get the headers too.
        app.UseMiddleware<SecurityHeadersMiddleware>();

        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // Pages: re-executed as the GOV.UK error page. API: ApiExceptionHandler writes JSON first.
            ExceptionHandlingPath = "/error",
            StatusCodeSelector = ApiExceptionHandler.StatusCodeFor,
        });

        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseWhen(
            context => context.Request.IsApiRequest(),
            api => api.UseStatusCodePages(context => ApiErrors.WriteAsync(
                context.HttpContext,
                new ProblemDetails
                {
                    Detail = context.HttpContext.Response.StatusCode == StatusCodes.Status404NotFound
                        ? "There is no API endpoint at this address."
                        : null,
                })));
        app.UseWhen(
            context => !context.Request.IsApiRequest(),
            pages => pages.UseStatusCodePagesWithReExecute("/error/{0}"));

        app.UseStaticFiles();
        app.UseGovUkAssets();

        app.UseRouting();
        app.UseAuthentication();
        app.UseSessionCheckOutage();
        app.UseAuthorization();

        app.MapRazorPages();
        app.MapApi();

        return app;
    }

    private static void UseGovUkAssets(this WebApplication app)
    {
        var assets = Path.Combine(app.Environment.WebRootPath ?? Path.Combine(app.Environment.ContentRootPath, "wwwroot"), "govuk", "assets");
        if (!Directory.Exists(assets))
        {
            // The build copies these from npm; without them pages work but look unstyled.
            LogAssetsMissing(app.Logger, assets);
            return;
        }

        app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = GovUkAssetsPath,
            FileProvider = new PhysicalFileProvider(assets),
            OnPrepareResponse = context =>
            {
                // Font file names carry a content hash, so they never change under the same URL.
                if (context.Context.Request.Path.StartsWithSegments(GovUkAssetsPath + "/fonts"))
                {
                    context.Context.Response.Headers[HeaderNames.CacheControl] = "public, max-age=31536000, immutable";
                }
            },
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "GOV.UK Frontend assets not found at {Path}; run a build to copy them")]
    private static partial void LogAssetsMissing(ILogger logger, string path);
}
