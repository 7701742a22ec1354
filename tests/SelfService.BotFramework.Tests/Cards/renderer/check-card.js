// Reads card JSON on stdin and parses it with the Adaptive Cards 3.0.6 renderer (the one Web Chat
// 4.18.1 bundles) targeting schema 1.5. Prints every parse and validation event as JSON lines and
// exits 1 if there were any, so the C# tests fail on anything the renderer would complain about.
const AC = require("adaptivecards/dist/adaptivecards.js");

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", chunk => (input += chunk));
process.stdin.on("end", () => {
  const payload = JSON.parse(input);
  const context = new AC.SerializationContext(new AC.Version(1, 5));
  const card = new AC.AdaptiveCard();
  card.parse(payload, context);

  const events = [];
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    events.push({ phase: "parse", event: AC.ValidationEvent[e.event], message: e.message });
  }

  const results = card.validateProperties();
  for (const e of results.validationEvents) {
    events.push({ phase: "validate", event: AC.ValidationEvent[e.event], message: e.message });
  }

  for (const e of events) {
    console.log(JSON.stringify(e));
  }

  process.exit(events.length === 0 ? 0 : 1);
});
