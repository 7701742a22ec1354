using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace SelfService.Benchmarks.Fuzzing;

/// <summary>What every target needs to build a request: the app's address and what setup learned.</summary>
internal sealed record FuzzContext(Uri Root, string DirectLineSecret, IReadOnlyList<(string ConversationId, string Token)> Conversations, IReadOnlyList<FuzzSession> Sessions, IReadOnlyList<DiscoveredForm> Forms, IReadOnlyList<(FuzzSession Session, string Path)> Pages);

/// <summary>A request a target built, ready to send, and how to describe it.</summary>
internal sealed record FuzzShot(HttpRequestMessage Request, FuzzRequest What);

/// <summary>The request builders, one per target. Each draws every choice from the worker's seeded random.</summary>
internal static class Targets
{
    private static readonly string[] ActivityKeys =
    [
        "type", "id", "timestamp", "localTimestamp", "channelId", "serviceUrl", "from", "recipient", "conversation", "text", "value",
        "attachments", "entities", "channelData", "replyToId", "locale", "name", "membersAdded", "membersRemoved", "suggestedActions", "textFormat",
    ];

    private static readonly string[] ServiceUrls =
    [
        "http://127.0.0.1:1/", "http://127.0.0.1:9/api/", "http://localhost:1", "not a url", "ftp://127.0.0.1/", "javascript:alert(1)", "", "http://[::1]:1/", "http://127.0.0.1:1/" + new string('a', 3000),
    ];

    private static readonly string[] Channels = ["emulator", "directline", "webchat", "msteams", "", " ", "unknown-channel", "DIRECTLINE", "test"];

    private static readonly string[] ActivityTypes =
        ["message", "message", "message", "conversationUpdate", "invoke", "event", "typing", "endOfConversation", "messageReaction", "installationUpdate", "unknownType", ""];

    private static readonly string[] Watermarks =
        ["", "-1", "abc", "99999999999999999999", "0", "1", "9223372036854775807", "1.5", " 1", "%00", "1e3", "0x10", "١", "-9223372036854775808"];

    private static readonly string[] QueryNames =
        ["page", "sort", "order", "from", "to", "q", "status", "team", "reference", "year", "returnUrl", "ReturnUrl", "filter", "stage", "overdue", "caseworker", "handler", "t", "draftId"];

    public static FuzzShot BotMessage(Random random, FuzzContext context)
    {
        var conversationId = random.Next(3) == 0 ? Hostile.Text(random) : $"fuzz-{random.Next(1000)}";
        var activity = new JsonObject
        {
            ["type"] = Hostile.Pick(random, ActivityTypes),
            ["id"] = $"act-{random.Next()}",
            ["timestamp"] = "2026-12-07T12:00:00Z",
            ["channelId"] = Hostile.Pick(random, Channels),
            ["serviceUrl"] = random.Next(4) == 0 ? context.Root.ToString() : Hostile.Pick(random, ServiceUrls),
            ["from"] = new JsonObject { ["id"] = "fuzz-user", ["name"] = "Fuzz", ["role"] = "user" },
            ["recipient"] = new JsonObject { ["id"] = "bot", ["role"] = "bot" },
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["text"] = Hostile.Text(random),
            ["locale"] = Hostile.Pick(random, ["en-GB", "cy-GB", "xx", "", "en-GB-u-ca-islamic", "../../"]),
        };
        if (random.Next(5) == 0)
        {
            activity["value"] = Hostile.AnyJson(random);
        }

        if (random.Next(8) == 0)
        {
            activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = Hostile.Text(random) }, Hostile.AnyJson(random));
        }

        var body = random.Next(6) == 0 ? Hostile.JunkBody(random) : random.Next(4) == 0 ? Encoding.UTF8.GetBytes(activity.ToJsonString()) : Hostile.MutateJson(random, activity, ActivityKeys);
        var contentType = random.Next(3) == 0 ? Hostile.ContentType(random) : "application/json";
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(context.Root, "/api/messages")) { Content = Body(body, contentType) };
        if (random.Next(4) == 0)
        {
            request.Headers.TryAddWithoutValidation("Authorization", Hostile.Pick(random, ["Bearer x", "Bearer", "Basic Zm9vOmJhcg==", "Bearer " + new string('a', 5000), "Bearer eyJhbGciOiJub25lIn0.e30."]));
        }

        return new FuzzShot(request, new FuzzRequest("/api/messages", "POST", "/api/messages", contentType, Hostile.Summary(body)));
    }

    public static FuzzShot DirectLine(Random random, FuzzContext context)
    {
        var (conversationId, token) = Hostile.Pick(random, context.Conversations);
        var (otherId, _) = Hostile.Pick(random, context.Conversations);
        var id = random.Next(10) switch
        {
            0 => otherId,
            1 => Guid.NewGuid().ToString("N"),
            2 => Hostile.Text(random),
            _ => conversationId,
        };
        var escaped = Escape(id);
        var auth = random.Next(12) switch
        {
            0 => null,
            1 => "Bearer " + context.DirectLineSecret,
            2 => "Bearer garbage",
            3 => "Basic " + Convert.ToBase64String("a:b"u8),
            4 => "Bearer " + token[..(token.Length / 2)],
            5 => "Bearer " + token + "x",
            6 => "Bearer " + new string('t', 10_000),
            _ => "Bearer " + token,
        };
        var watermark = random.Next(3) == 0 ? "" : "?watermark=" + Escape(Hostile.Pick(random, Watermarks));
        string method = "POST", path;
        byte[]? body = null;
        string? contentType = "application/json";
        HttpContent? content = null;
        switch (random.Next(11))
        {
            case 0:
                path = "/v3/directline/tokens/generate";
                auth = random.Next(2) == 0 ? "Bearer " + context.DirectLineSecret : auth;
                body = random.Next(3) == 0 ? Hostile.JunkBody(random) : Hostile.MutateJson(random, new JsonObject { ["user"] = new JsonObject { ["id"] = "dl_" + random.Next(), ["name"] = Hostile.Text(random) } }, ["user", "trustedOrigins", "locale"]);
                break;
            case 1:
                path = "/v3/directline/tokens/refresh";
                body = random.Next(2) == 0 ? [] : Hostile.JunkBody(random);
                break;
            case 2:
                path = "/v3/directline/conversations";
                body = random.Next(3) == 0 ? [] : random.Next(2) == 0 ? Hostile.JunkBody(random) : Hostile.MutateJson(random, new JsonObject { ["user"] = new JsonObject { ["id"] = "u" + random.Next() }, ["locale"] = "en-GB" }, ["user", "locale", "conversationId"]);
                break;
            case 3:
                method = "GET";
                path = $"/v3/directline/conversations/{escaped}{watermark}";
                break;
            case 4:
            case 5:
            case 6:
                path = $"/v3/directline/conversations/{escaped}/activities";
                var activity = new JsonObject { ["type"] = "message", ["from"] = new JsonObject { ["id"] = "someone" }, ["text"] = Hostile.Text(random), ["locale"] = "en-GB" };
                body = random.Next(4) switch
                {
                    0 => random.Next(2) == 0 ? [] : Hostile.JunkBody(random),
                    1 => Encoding.UTF8.GetBytes(activity.ToJsonString()),
                    _ => Hostile.MutateJson(random, activity, ActivityKeys),
                };
                contentType = random.Next(4) == 0 ? Hostile.ContentType(random) : "application/json";
                break;
            case 7:
                method = "GET";
                path = $"/v3/directline/conversations/{escaped}/activities{watermark}";
                break;
            case 8:
                path = $"/v3/directline/conversations/{escaped}/upload" + (random.Next(3) == 0 ? "?userId=" + Escape(Hostile.Text(random)) : "");
                (content, contentType, body) = Upload(random);
                break;
            case 9:
                method = "GET";
                path = $"/v3/directline/conversations/{escaped}/" + Hostile.Pick(random, [$"attachments/{Escape(Hostile.Text(random))}?t={Escape(Hostile.Text(random))}", "attachments/x", $"stream?t={Escape(Hostile.Text(random))}", $"stream{watermark}"]);
                break;
            default:
                method = Hostile.Pick(random, ["GET", "PUT", "DELETE", "PATCH", "POST"]);
                path = Hostile.Pick(random, ["/v3/directline/", "/v3/directline/conversations/" + escaped + "/activities/x", "/v3/directline/tokens", "/v3/directline/%2e%2e/%2e%2e/api/messages", "/v3/directline/conversations//activities"]);
                break;
        }

        var request = new HttpRequestMessage(new HttpMethod(method), new Uri(context.Root, path));
        if (content is not null)
        {
            request.Content = content;
        }
        else if (body is not null)
        {
            request.Content = Body(body, contentType);
        }

        if (auth is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", auth);
        }

        return new FuzzShot(request, new FuzzRequest("Direct Line", method, path.Length > 200 ? path[..200] + "…" : path, body is null ? null : contentType, body is null ? "" : Hostile.Summary(body)));
    }

    public static FuzzShot Calculator(Random random, FuzzContext context)
    {
        string Date() => random.Next(10) < 6
            ? new DateOnly(2026, 1, 1).AddDays(random.Next(-800, 800)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : Hostile.Pick(random, Hostile.Dates);
        var (path, body, keys) = random.Next(4) switch
        {
            0 => ("/api/statutory-timeline", new JsonObject
            {
                ["requestReceived"] = Date(),
                ["asOf"] = Date(),
                ["events"] = new JsonArray(
                    new JsonObject { ["type"] = "decisionToAssess", ["date"] = Date(), ["outcome"] = Hostile.Pick(random, ["agreed", "refused", "maybe"]) },
                    new JsonObject { ["type"] = "exception", ["from"] = Date(), ["to"] = Date(), ["kind"] = Hostile.Pick(random, ["schoolClosure", "missedAppointment", "absentFromArea", "nope"]), ["reason"] = Hostile.Text(random) },
                    new JsonObject { ["type"] = Hostile.Pick(random, ["decisionToIssue", "draftPlanServed", "representationsReceived", "finalPlanIssued", "withdrawn", "unknown"]), ["date"] = Date(), ["outcome"] = "issue" }),
            }, new[] { "requestReceived", "asOf", "events" }),
            1 => ("/api/annual-review-timeline", new JsonObject
            {
                ["planIssued"] = Date(),
                ["lastReviewMeeting"] = Date(),
                ["reviewMeeting"] = Date(),
                ["decision"] = Hostile.Pick(random, ["maintain", "amend", "cease", "other"]),
                ["decisionNotified"] = Date(),
                ["amendmentsProposed"] = Date(),
                ["finalAmendedPlan"] = Date(),
                ["asOf"] = Date(),
                ["phaseTransfer"] = new JsonObject { ["kind"] = Hostile.Pick(random, ["school", "postSixteen", "x"]), ["transferOn"] = Date() },
            }, new[] { "planIssued", "reviewMeeting", "decision", "phaseTransfer", "asOf" }),
            2 => ("/api/appeal-deadline", new JsonObject { ["decisionLetter"] = Date(), ["mediationCertificate"] = Date() }, new[] { "decisionLetter", "mediationCertificate" }),
            _ => ("/api/working-days", new JsonObject { ["from"] = Date(), ["workingDays"] = random.Next(3) == 0 ? JsonValue.Create(Hostile.Pick(random, Hostile.Numbers)) : JsonValue.Create(random.Next(-5, 400)) }, new[] { "from", "workingDays" }),
        };

        if (random.Next(5) == 0)
        {
            var other = Hostile.Pick(random, ["/api/cases", "/api/cases/" + Escape(Hostile.Text(random)), "/api/figures/complaints", "/api/figures/enquiries", "/api/nothing-here", "/api/" + Escape(Hostile.Text(random))]);
            other += random.Next(2) == 0 ? "" : $"?{Hostile.Pick(random, QueryNames)}={Escape(Hostile.Text(random))}&from={Escape(Hostile.Pick(random, Hostile.Dates))}&to={Escape(Hostile.Pick(random, Hostile.Dates))}";
            var get = new HttpRequestMessage(random.Next(4) == 0 ? HttpMethod.Post : HttpMethod.Get, new Uri(context.Root, other));
            var session = Hostile.Pick(random, context.Sessions);
            session.Attach(get, context.Root);
            return new FuzzShot(get, new FuzzRequest("calculator API", get.Method.Method, other.Length > 200 ? other[..200] + "…" : other, null, "", session.Role));
        }

        var bytes = random.Next(3) switch
        {
            0 => Encoding.UTF8.GetBytes(body.ToJsonString()),
            1 when random.Next(3) == 0 => Hostile.JunkBody(random),
            _ => Hostile.MutateJson(random, body, keys),
        };
        var contentType = random.Next(5) == 0 ? Hostile.ContentType(random) : "application/json";
        var request = new HttpRequestMessage(random.Next(30) == 0 ? HttpMethod.Put : HttpMethod.Post, new Uri(context.Root, path)) { Content = Body(bytes, contentType) };
        return new FuzzShot(request, new FuzzRequest("calculator API", request.Method.Method, path, contentType, Hostile.Summary(bytes)));
    }

    public static FuzzShot Form(Random random, FuzzContext context)
    {
        var form = Hostile.Pick(random, context.Forms);
        var session = context.Sessions.Single(s => s.Role == form.Role);
        var fields = new List<KeyValuePair<string, string>>();
        var changed = new List<string>();
        foreach (var field in form.Fields)
        {
            if (field.Name == "__RequestVerificationToken")
            {
                switch (random.Next(40))
                {
                    case 0:
                        changed.Add("no antiforgery token");
                        continue;
                    case 1:
                        changed.Add("bad antiforgery token");
                        fields.Add(new(field.Name, "CfDJ8" + new string('A', 100)));
                        continue;
                    default:
                        fields.Add(new(field.Name, field.Value));
                        continue;
                }
            }

            if (field.Type == "file")
            {
                continue;
            }

            var roll = random.Next(100);
            if (roll < 6)
            {
                changed.Add($"{field.Name} missing");
                continue;
            }

            string value;
            if (roll < 45)
            {
                value = field.Options.Count > 0 && random.Next(3) == 0 ? Hostile.Pick(random, field.Options) : Hostile.ForField(random, field.Name, field.Type);
                changed.Add($"{field.Name}={Short(value)}");
            }
            else
            {
                value = field.Options.Count > 0 && field.Type is not "checkbox" ? Hostile.Pick(random, field.Options) : field.Value;
            }

            fields.Add(new(field.Name, value));
            if (random.Next(20) == 0)
            {
                var again = Hostile.ForField(random, field.Name, field.Type);
                fields.Add(new(field.Name, again));
                changed.Add($"{field.Name} repeated ({Short(again)})");
            }
        }

        if (random.Next(15) == 0)
        {
            var name = Hostile.Pick(random, ["handler", "action", "Input", "Input.Id", "returnUrl", "__proto__", "Input[0]", "Input.Events[99999]", "x"]);
            var value = Hostile.Text(random);
            fields.Add(new(name, value));
            changed.Add($"extra {name}={Short(value)}");
        }

        byte[] bytes;
        string contentType;
        HttpContent content;
        if (form.Multipart)
        {
            var multipart = new MultipartFormDataContent();
            foreach (var (name, value) in fields)
            {
                multipart.Add(new StringContent(value), name);
            }

            foreach (var file in form.Fields.Where(f => f.Type == "file"))
            {
                var size = random.Next(10) == 0 ? random.Next(1_000_000, 3_000_000) : random.Next(0, 20_000);
                var data = new byte[size];
                random.NextBytes(data);
                if (random.Next(3) == 0 && size > 4)
                {
                    "%PDF"u8.CopyTo(data);
                }

                var part = new ByteArrayContent(data);
                part.Headers.TryAddWithoutValidation("Content-Type", Hostile.Pick(random, ["application/pdf", "image/png", "application/x-msdownload", "text/html", "", "application/octet-stream"]));
                var fileName = Hostile.Pick(random, ["report.pdf", "", "../../etc/passwd", "a.exe", "CON", new string('n', 500) + ".pdf", "Zoë 🧒.pdf", "x\r\nContent-Type: text/html", "a\uFFFFb.pdf"]);
                // HttpClient will not send an empty file name; a blank one is the nearest it allows.
                multipart.Add(part, file.Name, fileName.Length == 0 ? "_" : fileName.Replace("\r\n", " ", StringComparison.Ordinal));
                changed.Add($"file {Short(fileName)} {size:N0} bytes");
            }

            content = multipart;
            contentType = "multipart/form-data";
            bytes = Encoding.UTF8.GetBytes(string.Join("&", changed));
        }
        else
        {
            // Encoded by hand so some values can carry raw bytes that are not UTF-8.
            var text = string.Join("&", fields.Select(f => Escape(f.Key) + "=" + (random.Next(40) == 0 ? "%FF%FE" + Escape(f.Value) : Escape(f.Value))));
            bytes = Encoding.ASCII.GetBytes(text);
            contentType = random.Next(30) == 0 ? Hostile.ContentType(random) ?? "text/plain" : "application/x-www-form-urlencoded";
            content = Body(bytes, contentType);
            bytes = Encoding.UTF8.GetBytes(changed.Count == 0 ? "(as rendered)" : string.Join("; ", changed));
        }

        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(context.Root, form.Action)) { Content = content };
        session.Attach(request, context.Root);
        return new FuzzShot(request, new FuzzRequest("forms", "POST", form.Action, contentType, Hostile.Summary(bytes), form.Role));
    }

    public static FuzzShot Page(Random random, FuzzContext context)
    {
        var (session, page) = Hostile.Pick(random, context.Pages);
        var path = page.Split('?')[0];
        var query = string.Join("&", Enumerable.Range(0, random.Next(1, 4)).Select(_ => $"{Hostile.Pick(random, QueryNames)}={Escape(random.Next(2) == 0 ? Hostile.Pick(random, Hostile.Dates) : Hostile.Text(random))}"));
        if (random.Next(4) == 0)
        {
            var segments = path.Split('/');
            segments[^1] = Escape(Hostile.Text(random));
            path = string.Join('/', segments);
        }

        var target = $"{path}?{query}";
        if (target.Length > 8_000)
        {
            target = target[..8_000];
        }

        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(context.Root, target));
        session.Attach(request, context.Root);
        return new FuzzShot(request, new FuzzRequest("pages (query)", "GET", target.Length > 200 ? target[..200] + "…" : target, null, "", session.Role));
    }

    private static (HttpContent Content, string ContentType, byte[] Summary) Upload(Random random)
    {
        var choice = random.Next(8);
        if (choice == 0)
        {
            var junk = Hostile.JunkBody(random);
            return (Body(junk, Hostile.Pick(random, ["multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; boundary=\"x\"", "application/json"])), "odd", junk);
        }

        if (choice == 1)
        {
            // A multipart body that ends early, or whose boundary never appears.
            var text = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nhello" + (random.Next(2) == 0 ? "" : "\r\n--b--\r\n");
            var bytes = Encoding.UTF8.GetBytes(text);
            return (Body(bytes, random.Next(2) == 0 ? "multipart/form-data; boundary=b" : "multipart/form-data; boundary=zzz"), "multipart (broken)", bytes);
        }

        var multipart = new MultipartFormDataContent();
        var notes = new List<string>();
        if (random.Next(3) > 0)
        {
            var activity = new JsonObject { ["type"] = "message", ["from"] = new JsonObject { ["id"] = "someone" }, ["text"] = "file" };
            var json = random.Next(2) == 0 ? Encoding.UTF8.GetBytes(activity.ToJsonString()) : Hostile.MutateJson(random, activity, ActivityKeys);
            var part = new ByteArrayContent(json);
            part.Headers.TryAddWithoutValidation("Content-Type", "application/vnd.microsoft.activity");
            if (random.Next(3) == 0)
            {
                multipart.Add(new StringContent(Encoding.UTF8.GetString(json)), "activity");
            }
            else
            {
                multipart.Add(part, "activity", "blob");
            }

            notes.Add("activity " + Hostile.Summary(json));
        }

        var files = random.Next(10) == 0 ? random.Next(6, 70) : random.Next(0, 3);
        for (var i = 0; i < files; i++)
        {
            var size = random.Next(20) == 0 ? random.Next(4_000_000, 5_000_000) : random.Next(0, 5_000);
            var data = new byte[size];
            random.NextBytes(data);
            var part = new ByteArrayContent(data);
            part.Headers.TryAddWithoutValidation("Content-Type", Hostile.Pick(random, ["image/png", "application/pdf", "", "text/html", "x/y"]));
            var name = Hostile.Pick(random, ["file", "file", "activity", "", "a b", "🧒"]);
            var fileName = Hostile.Pick(random, ["a.png", "", "../../x", new string('f', 400), "Zoë.pdf"]);
            multipart.Add(part, name.Length == 0 ? "file" : name, fileName.Length == 0 ? "x" : fileName);
            notes.Add($"{name}:{Short(fileName)} {size:N0} bytes");
        }

        return (multipart, "multipart/form-data", Encoding.UTF8.GetBytes(string.Join("; ", notes)));
    }

    private static ByteArrayContent Body(byte[] bytes, string? contentType)
    {
        var content = new ByteArrayContent(bytes);
        if (contentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        return content;
    }

    private static string Escape(string value)
    {
        var sb = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b is (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~')
            {
                sb.Append((char)b);
            }
            else
            {
                sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }

    private static string Short(string value) => value.Length > 40 ? $"<{value.Length:N0} chars: {value[..20]}…>" : value.ReplaceLineEndings("⏎");
}
