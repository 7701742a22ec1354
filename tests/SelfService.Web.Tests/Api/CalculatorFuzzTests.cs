using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace SelfService.Web.Tests.Api;

/// <summary>
/// Mutates valid calculator requests at random (fixed seed, bounded count) and checks every
/// answer is a success or a client error with a problem body: never a 500, whatever is sent.
/// </summary>
public sealed class CalculatorFuzzTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private const int MutationsPerEndpoint = 150;

    private static readonly (string Path, string Body)[] ValidRequests =
    [
        ("/api/statutory-timeline", """
            {"requestReceived":"2026-01-05","asOf":"2026-09-01","events":[
              {"type":"decisionToAssess","date":"2026-02-10","outcome":"agreed"},
              {"type":"exception","kind":"schoolClosure","from":"2026-07-15","to":"2026-08-27","reason":"Summer"},
              {"type":"decisionToIssue","date":"2026-04-01","outcome":"issue"},
              {"type":"draftPlanServed","date":"2026-04-10"},
              {"type":"representationsReceived","date":"2026-04-20"},
              {"type":"finalPlanIssued","date":"2026-05-25"}]}
            """),
        ("/api/annual-review-timeline", """
            {"planIssued":"2024-02-29","lastReviewMeeting":"2025-02-20","reviewMeeting":"2026-02-10","decision":"amend",
             "decisionNotified":"2026-03-01","amendmentsProposed":"2026-03-05","finalAmendedPlan":"2026-04-20",
             "phaseTransfer":{"kind":"post16","transferYear":2027},"asOf":"2026-05-01"}
            """),
        ("/api/appeal-deadline", """{"decisionLetter":"2026-06-10","mediationCertificate":"2026-07-01"}"""),
        ("/api/working-days", """{"from":"2026-12-24","workingDays":10}"""),
    ];

    private static readonly Func<Random, JsonNode?>[] StrangeValues =
    [
        _ => null,
        r => r.Next(-1_000_000, 1_000_000),
        r => r.NextDouble() * 1e300,
        _ => true,
        _ => "",
        _ => "2026-02-30",
        _ => "9999-12-31",
        _ => "0001-01-01",
        _ => "2026-1-5",
        _ => "../../etc/passwd",
        _ => "'; DROP TABLE \"AssessmentCases\"; --",
        r => new string('x', r.Next(1, 5_000)),
        _ => new JsonArray(),
        _ => new JsonObject(),
        _ => new JsonArray(1, "two", null, new JsonObject()),
        r => Nested(r.Next(1, 60)),
    ];

    [Fact]
    public async Task Mutated_requests_never_cause_a_server_error()
    {
        var client = factory.CreateClient();
        var random = new Random(20261122);
        var outcomes = new Dictionary<HttpStatusCode, int>();

        foreach (var (path, body) in ValidRequests)
        {
            for (var i = 0; i < MutationsPerEndpoint; i++)
            {
                var request = JsonNode.Parse(body)!;
                for (var m = random.Next(1, 4); m > 0; m--)
                {
                    Mutate(request, random);
                }

                var text = request.ToJsonString();
                using var content = new StringContent(text, Encoding.UTF8, "application/json");
                using var response = await client.PostAsync(new Uri(path, UriKind.Relative), content);

                var answer = await response.Content.ReadAsStringAsync();
                Assert.True((int)response.StatusCode < 500, $"{path} answered {(int)response.StatusCode} to {text}: {answer}");
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                }

                outcomes[response.StatusCode] = outcomes.GetValueOrDefault(response.StatusCode) + 1;
            }
        }

        // The mutations must exercise both the happy path and the errors, or the test proves little.
        Assert.True(outcomes.GetValueOrDefault(HttpStatusCode.OK) > 0, "no mutated request was still valid");
        Assert.True(outcomes.GetValueOrDefault(HttpStatusCode.BadRequest) > 0, "no mutated request was refused");
    }

    private static void Mutate(JsonNode root, Random random)
    {
        var containers = new List<JsonNode>();
        Collect(root, containers);
        var target = containers[random.Next(containers.Count)];
        switch (target)
        {
            case JsonObject obj when obj.Count > 0:
                var key = obj.Select(p => p.Key).ElementAt(random.Next(obj.Count));
                if (random.Next(4) == 0)
                {
                    obj.Remove(key);
                }
                else
                {
                    obj[key] = StrangeValues[random.Next(StrangeValues.Length)](random);
                }

                break;
            case JsonArray array when array.Count > 0:
                var index = random.Next(array.Count);
                if (random.Next(2) == 0)
                {
                    // Out-of-order and repeated events are the likeliest honest mistakes.
                    array.Insert(random.Next(array.Count), array[index]?.DeepClone());
                }
                else
                {
                    array[index] = StrangeValues[random.Next(StrangeValues.Length)](random);
                }

                break;
            case JsonObject obj:
                obj["unexpected"] = StrangeValues[random.Next(StrangeValues.Length)](random);
                break;
        }
    }

    private static void Collect(JsonNode node, List<JsonNode> containers)
    {
        if (node is JsonObject or JsonArray)
        {
            containers.Add(node);
        }

        var children = node switch
        {
            JsonObject obj => obj.Select(p => p.Value),
            JsonArray array => array,
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
        {
            Collect(child, containers);
        }
    }

    private static JsonNode Nested(int depth)
    {
        JsonNode node = new JsonObject();
        for (var i = 0; i < depth; i++)
        {
            node = new JsonArray(node);
        }

        return node;
    }
}
