using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace SelfService.Web.Tests.Support;

/// <summary>A client over a cookie jar the test can see and share (to replay a cookie in a second "browser", or across a restart).</summary>
public static class Browser
{
    public static HttpClient Create(WebApplicationFactory<Program> factory, CookieContainer jar, string baseAddress = "http://localhost")
    {
        ArgumentNullException.ThrowIfNull(factory);
        return factory.CreateDefaultClient(new Uri(baseAddress), new CookieContainerHandler(jar));
    }

    /// <summary>A second jar holding copies of every cookie in <paramref name="jar"/>.</summary>
    public static CookieContainer Copy(CookieContainer jar)
    {
        ArgumentNullException.ThrowIfNull(jar);
        var copy = new CookieContainer();
        copy.Add(jar.GetAllCookies());
        return copy;
    }
}
