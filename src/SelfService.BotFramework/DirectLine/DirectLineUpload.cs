using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace SelfService.BotFramework.DirectLine;

/// <summary>
/// Reads <c>POST …/upload</c>: multipart with an <c>activity</c> part (the message, as the
/// client library sends it, typed <c>application/vnd.microsoft.activity</c>) and one part per
/// file. Limits are checked before anything is stored.
/// </summary>
internal sealed record DirectLineUpload(JsonObject? Activity, IReadOnlyList<DirectLineUpload.File> Files)
{
    internal sealed record File(string Name, string ContentType, byte[] Content);

    public static async Task<DirectLineUpload> ReadAsync(HttpRequest request, DirectLineOptions options)
    {
        // Room for the multipart framing and the activity part on top of the files themselves.
        var limit = options.MaxUploadBytes + options.MaxActivityBytes;
        if (request.ContentLength > limit)
        {
            throw DirectLineException.TooBig($"Uploads are limited to {options.MaxUploadBytes} bytes.");
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        if (!request.HasFormContentType || !MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            throw DirectLineException.BadArgument("Send the upload as multipart/form-data.");
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(
                new FormOptions { MultipartBodyLengthLimit = limit, ValueLengthLimit = options.MaxActivityBytes, ValueCountLimit = 64 },
                request.HttpContext.RequestAborted);
        }
        catch (InvalidDataException)
        {
            throw DirectLineException.TooBig($"Uploads are limited to {options.MaxUploadBytes} bytes and {options.MaxFilesPerUpload} files.");
        }
        catch (IOException)
        {
            throw DirectLineException.BadArgument("The multipart body could not be read.");
        }

        JsonObject? activity = null;
        if (form.Files.GetFile("activity") is { } activityPart)
        {
            if (activityPart.Length > options.MaxActivityBytes)
            {
                throw DirectLineException.TooBig($"The activity is larger than {options.MaxActivityBytes} bytes.");
            }

            await using var stream = activityPart.OpenReadStream();
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, request.HttpContext.RequestAborted);
            activity = DirectLineEndpoints.ParseObject(copy.ToArray());
        }
        else if (form.TryGetValue("activity", out var activityText) && activityText.ToString() is { Length: > 0 } text)
        {
            activity = DirectLineEndpoints.ParseObject(System.Text.Encoding.UTF8.GetBytes(text));
        }

        var parts = form.Files.Where(f => !f.Name.Equals("activity", StringComparison.OrdinalIgnoreCase)).ToList();
        if (parts.Count == 0)
        {
            throw DirectLineException.MissingProperty("The upload has no file.");
        }

        if (parts.Count > options.MaxFilesPerUpload)
        {
            throw DirectLineException.TooBig($"At most {options.MaxFilesPerUpload} files can be sent at once.");
        }

        if (parts.Sum(p => p.Length) > options.MaxUploadBytes)
        {
            throw DirectLineException.TooBig($"Uploads are limited to {options.MaxUploadBytes} bytes.");
        }

        var files = new List<File>();
        foreach (var part in parts)
        {
            var contentType = MediaTypeHeaderValue.TryParse(part.ContentType, out var partType) ? partType.MediaType.ToString() : string.Empty;
            if (!options.AllowedUploadContentTypes.Contains(contentType, StringComparer.OrdinalIgnoreCase))
            {
                throw DirectLineException.UnsupportedMediaType($"Files of type \"{contentType}\" cannot be uploaded.");
            }

            await using var stream = part.OpenReadStream();
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, request.HttpContext.RequestAborted);
            files.Add(new File(SafeName(part.FileName), contentType.ToLowerInvariant(), copy.ToArray()));
        }

        return new DirectLineUpload(activity, files);
    }

    // Only the last path segment, printable, and short enough for the column.
    private static string SafeName(string? name)
    {
        var last = Path.GetFileName((name ?? string.Empty).Replace('\\', '/'));
        var clean = new string([.. last.Where(c => !char.IsControl(c) && c != '"')]).Trim();
        if (clean.Length == 0)
        {
            clean = "file";
        }

        return clean.Length <= 255 ? clean : clean[^255..];
    }
}
