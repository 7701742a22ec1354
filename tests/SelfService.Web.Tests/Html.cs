using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace SelfService.Web.Tests;

internal static class Html
{
    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        return new HtmlParser().ParseDocument(html);
    }
}
