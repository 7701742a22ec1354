using Microsoft.AspNetCore.Http.HttpResults;
using System.Text.Json;

namespace SelfService.Web.Api.Calculators;

/// <summary>Reads a calculator request body as a JSON object, turning anything else into a 400 that says why.</summary>
internal static class CalculatorRequest
{
    /// <summary>The calculators take a few dates; anything much larger is not a real request.</summary>
    private const long MaxBodyBytes = 64 * 1024;

    /// <summary>
    /// Reads the body and hands it to <paramref name="calculate"/>, which reports mistakes into the
    /// fields and returns null when it found any; every mistake then goes back in one 400.
    /// </summary>
    public static async Task<IResult> HandleAsync<TResponse>(HttpRequest request, Func<JsonElement, JsonFields, TResponse?> calculate, CancellationToken cancellationToken)
        where TResponse : class
    {
        var (document, problem) = await ReadObjectAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        using var body = document!;
        var fields = new JsonFields();
        var result = calculate(body.RootElement, fields);
        return result is null || fields.HasErrors
            ? fields.Errors.ToResult("Correct the fields listed in errors and try again.")
            : TypedResults.Ok(result);
    }

    private static async Task<(JsonDocument? Document, IResult? Problem)> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return (null, Problem(StatusCodes.Status413PayloadTooLarge, "The request is too large", $"A calculator request must be under {MaxBodyBytes / 1024} KB."));
        }

        try
        {
            using var limited = new LimitedStream(request.Body, MaxBodyBytes);
            using var buffer = new MemoryStream();
            await limited.CopyToAsync(buffer, cancellationToken);

            // The JSON reader checks UTF-8 only when a string is read (so a bad byte would surface
            // as a 500 while reading a field); a name given twice could mean either value.
            var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
            if (!System.Text.Unicode.Utf8.IsValid(bytes.Span))
            {
                return (null, Problem(StatusCodes.Status400BadRequest, "The request body is not valid UTF-8", "Send the body as JSON text encoded in UTF-8."));
            }

            var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { AllowDuplicateProperties = false });
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return (document, null);
            }

            document.Dispose();
            return (null, Problem(StatusCodes.Status400BadRequest, "The request body must be a JSON object", "Send the fields as a JSON object, for example {\"from\":\"2026-01-05\",\"workingDays\":10}."));
        }
        catch (JsonException)
        {
            return (null, Problem(StatusCodes.Status400BadRequest, "The request body is not valid JSON", "Check the body is well-formed JSON with double-quoted names and values, each name given once."));
        }
        catch (LimitedStream.TooLargeException)
        {
            return (null, Problem(StatusCodes.Status413PayloadTooLarge, "The request is too large", $"A calculator request must be under {MaxBodyBytes / 1024} KB."));
        }
    }

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);

    /// <summary>Stops reading once the limit is passed, since chunked bodies carry no length up front.</summary>
    private sealed class LimitedStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Count(await inner.ReadAsync(buffer.AsMemory(offset, count), cancellationToken));

        public override void Flush() { }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int read)
        {
            _read += read;
            return _read > limit ? throw new TooLargeException() : read;
        }

        public sealed class TooLargeException : Exception
        {
            public TooLargeException() : base("The request body is too large.") { }

            public TooLargeException(string message) : base(message) { }

            public TooLargeException(string message, Exception innerException) : base(message, innerException) { }
        }
    }
}
