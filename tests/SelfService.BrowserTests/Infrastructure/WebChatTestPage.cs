using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using SelfService.Web.Hosting;

namespace SelfService.BrowserTests.Infrastructure;

/// <summary>
/// A test-only page that renders Microsoft's Web Chat from the app's own <c>/webchat/webchat.js</c>
/// against the app's Direct Line endpoints, under the app's real Content-Security-Policy: both
/// scripts carry the request's nonce, and Web Chat is given it for the styles it injects. The
/// Direct Line token comes in the URL fragment (never sent to the server), minted by the test.
/// </summary>
public sealed class WebChatTestPage : IStartupFilter
{
    public const string Path = "/test/webchat";

    public const string UserId = "browser-user";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        next(app);
        app.Use((HttpContext context, RequestDelegate inner) =>
            context.Request.Path == Path ? WriteAsync(context) : inner(context));
    };

    private static Task WriteAsync(HttpContext context)
    {
        var nonce = HtmlEncoder.Default.Encode(context.GetCspNonce());
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync($$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>Web Chat test</title>
            </head>
            <body>
              <main>
                <h1>Web Chat test</h1>
                <div id="webchat"></div>
              </main>
              <script src="/webchat/webchat.js" nonce="{{nonce}}"></script>
              <script nonce="{{nonce}}">
                (function () {
                  var token = new URLSearchParams(location.hash.slice(1)).get('token');
                  var directLine = window.WebChat.createDirectLine({ token: token, domain: location.origin + '/v3/directline' });
                  window.WebChat.renderWebChat(
                    { directLine: directLine, userID: '{{UserId}}', username: 'Browser', locale: 'en-GB', nonce: '{{nonce}}' },
                    document.getElementById('webchat'));
                })();
              </script>
            </body>
            </html>
            """);
    }
}
