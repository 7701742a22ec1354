using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SelfService.BotFramework.Cards;

/// <summary>The data an expression sees: the current <c>$data</c>, the <c>$root</c> and, inside a repeat, <c>$index</c>.</summary>
internal sealed record TemplateScope(JsonNode? Data, JsonNode? Root, int? Index)
{
    public TemplateScope WithData(JsonNode? data, int? index = null) => this with { Data = data, Index = index ?? Index };
}

/// <summary>
/// The result of an expression: a JSON value, or nothing at all (a path that does not exist), which
/// is not the same as JSON <c>null</c> for <c>exists(…)</c>.
/// </summary>
internal readonly record struct TemplateValue(JsonNode? Node, bool Exists)
{
    public static readonly TemplateValue Missing = new(null, false);

    public static TemplateValue Of(JsonNode? node) => new(node, true);

    public static TemplateValue Of(bool value) => new(JsonValue.Create(value), true);

    public JsonValueKind Kind => Node?.GetValueKind() ?? JsonValueKind.Null;

    public bool IsTruthy => Kind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False or JsonValueKind.Null or JsonValueKind.Undefined => false,
        JsonValueKind.Number => AsNumber() != 0,
        JsonValueKind.String => Node!.GetValue<string>().Length > 0,
        _ => true,
    };

    public bool IsEmpty => Kind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => true,
        JsonValueKind.String => Node!.GetValue<string>().Length == 0,
        JsonValueKind.Array => Node!.AsArray().Count == 0,
        JsonValueKind.Object => Node!.AsObject().Count == 0,
        _ => false,
    };

    public double AsNumber() => double.Parse(Node!.ToJsonString(), CultureInfo.InvariantCulture);

    /// <summary>How the value reads inside text: strings as they are, nothing as nothing, anything else as its JSON.</summary>
    public string AsText() => Kind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => string.Empty,
        JsonValueKind.String => Node!.GetValue<string>(),
        _ => Node!.ToJsonString(),
    };
}

/// <summary>
/// One <c>${…}</c> expression, parsed once. The grammar (everything else is rejected by
/// <see cref="CardTemplateException"/>):
/// <code>
/// or         := and ( '||' and )*
/// and        := equality ( '&amp;&amp;' equality )*
/// equality   := comparison ( ( '==' | '!=' ) comparison )*
/// comparison := unary ( ( '&lt;' | '&lt;=' | '&gt;' | '&gt;=' ) unary )*
/// unary      := '!' unary | primary
/// primary    := number | 'text' | "text" | true | false | null | '(' or ')'
///             | empty(or) | exists(or) | not(or) | count(or) | path
/// path       := name ( '.' name | '[' number ']' | '[' 'text' ']' )*
/// </code>
/// A path starting with <c>$root</c>, <c>$data</c> or <c>$index</c> reads that scope; any other
/// path reads the current <c>$data</c>.
/// </summary>
internal sealed class TemplateExpression
{
    private static readonly string[] Functions = ["empty", "exists", "not", "count"];

    private readonly Func<TemplateScope, TemplateValue> _evaluate;

    private TemplateExpression(string text, Func<TemplateScope, TemplateValue> evaluate)
    {
        Text = text;
        _evaluate = evaluate;
    }

    public string Text { get; }

    public static TemplateExpression Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new Parser(text);
        var evaluate = parser.ParseAll();
        return new TemplateExpression(text, evaluate);
    }

    public TemplateValue Evaluate(TemplateScope scope) => _evaluate(scope);

    private sealed class Parser(string text)
    {
        private int _position;

        public Func<TemplateScope, TemplateValue> ParseAll()
        {
            SkipSpace();
            if (_position == text.Length)
            {
                throw Error("an empty expression");
            }

            var result = ParseOr();
            SkipSpace();
            if (_position != text.Length)
            {
                throw Error($"'{text[_position..]}'");
            }

            return result;
        }

        private Func<TemplateScope, TemplateValue> ParseOr()
        {
            var left = ParseAnd();
            while (Accept("||"))
            {
                var l = left;
                var r = ParseAnd();
                left = s => TemplateValue.Of(l(s).IsTruthy || r(s).IsTruthy);
            }

            return left;
        }

        private Func<TemplateScope, TemplateValue> ParseAnd()
        {
            var left = ParseEquality();
            while (Accept("&&"))
            {
                var l = left;
                var r = ParseEquality();
                left = s => TemplateValue.Of(l(s).IsTruthy && r(s).IsTruthy);
            }

            return left;
        }

        private Func<TemplateScope, TemplateValue> ParseEquality()
        {
            var left = ParseComparison();
            while (true)
            {
                var l = left;
                if (Accept("=="))
                {
                    var r = ParseComparison();
                    left = s => TemplateValue.Of(AreEqual(l(s), r(s)));
                }
                else if (Accept("!="))
                {
                    var r = ParseComparison();
                    left = s => TemplateValue.Of(!AreEqual(l(s), r(s)));
                }
                else
                {
                    return left;
                }
            }
        }

        private Func<TemplateScope, TemplateValue> ParseComparison()
        {
            var left = ParseUnary();
            while (true)
            {
                var l = left;
                Func<int, bool>? test =
                    Accept("<=") ? c => c <= 0 :
                    Accept(">=") ? c => c >= 0 :
                    Accept("<") ? c => c < 0 :
                    Accept(">") ? c => c > 0 : null;
                if (test is null)
                {
                    return left;
                }

                var r = ParseUnary();
                var expression = text;
                left = s => TemplateValue.Of(test(Compare(l(s), r(s), expression)));
            }
        }

        private Func<TemplateScope, TemplateValue> ParseUnary()
        {
            SkipSpace();
            if (Peek() == '!' && Peek(1) != '=')
            {
                _position++;
                var operand = ParseUnary();
                return s => TemplateValue.Of(!operand(s).IsTruthy);
            }

            return ParsePrimary();
        }

        private Func<TemplateScope, TemplateValue> ParsePrimary()
        {
            SkipSpace();
            var c = Peek();
            if (c == '(')
            {
                _position++;
                var inner = ParseOr();
                Expect(")");
                return inner;
            }

            if (c is '\'' or '"')
            {
                var literal = TemplateValue.Of(JsonValue.Create(ReadQuoted()));
                return _ => literal;
            }

            if (char.IsAsciiDigit(c) || (c == '-' && char.IsAsciiDigit(Peek(1))))
            {
                var start = _position++;
                while (char.IsAsciiDigit(Peek()) || Peek() == '.')
                {
                    _position++;
                }

                var number = TemplateValue.Of(JsonNode.Parse(text[start.._position]));
                return _ => number;
            }

            if (!IsNameStart(c))
            {
                throw Error(c == '\0' ? "the end of the expression where a value was expected" : $"'{text[_position..]}'");
            }

            var name = ReadName();
            switch (name)
            {
                case "true":
                case "false":
                    var boolean = TemplateValue.Of(name == "true");
                    return _ => boolean;
                case "null":
                    return _ => TemplateValue.Of(null);
            }

            SkipSpace();
            if (Peek() == '(')
            {
                if (!Functions.Contains(name))
                {
                    throw new CardTemplateException(
                        $"The card template expression '${{{text}}}' calls '{name}(…)', which is not supported. " +
                        $"Supported functions: {string.Join(", ", Functions.Select(f => f + "(…)"))}.");
                }

                _position++;
                var argument = ParseOr();
                Expect(")");
                return name switch
                {
                    "empty" => s => TemplateValue.Of(argument(s).IsEmpty),
                    "exists" => s => TemplateValue.Of(argument(s) is { Exists: true, Kind: not JsonValueKind.Null }),
                    "not" => s => TemplateValue.Of(!argument(s).IsTruthy),
                    _ => s => Count(argument(s)),
                };
            }

            return ParsePath(name);
        }

        private Func<TemplateScope, TemplateValue> ParsePath(string first)
        {
            var segments = new List<object>();
            while (true)
            {
                if (Peek() == '.')
                {
                    _position++;
                    if (!IsNameStart(Peek()))
                    {
                        throw Error("a '.' not followed by a property name");
                    }

                    segments.Add(ReadName());
                }
                else if (Peek() == '[')
                {
                    _position++;
                    SkipSpace();
                    if (Peek() is '\'' or '"')
                    {
                        segments.Add(ReadQuoted());
                    }
                    else
                    {
                        var start = _position;
                        while (char.IsAsciiDigit(Peek()))
                        {
                            _position++;
                        }

                        if (start == _position)
                        {
                            throw Error("an index that is not a number or a quoted name");
                        }

                        segments.Add(int.Parse(text[start.._position], CultureInfo.InvariantCulture));
                    }

                    Expect("]");
                }
                else
                {
                    break;
                }
            }

            return first switch
            {
                "$root" => s => Walk(TemplateValue.Of(s.Root), segments),
                "$data" => s => Walk(TemplateValue.Of(s.Data), segments),
                "$index" => s => Walk(s.Index is { } i ? TemplateValue.Of(JsonValue.Create(i)) : TemplateValue.Missing, segments),
                _ when first.StartsWith('$') => throw new CardTemplateException(
                    $"The card template expression '${{{text}}}' names '{first}'; only $root, $data and $index are supported."),
                _ => s => Walk(TemplateValue.Of(s.Data), [first, .. segments]),
            };
        }

        private static TemplateValue Walk(TemplateValue start, List<object> segments)
        {
            var current = start;
            foreach (var segment in segments)
            {
                current = (segment, current.Node) switch
                {
                    (string name, JsonObject o) when o.TryGetPropertyValue(name, out var child) => TemplateValue.Of(child),
                    (int index, JsonArray a) when index < a.Count => TemplateValue.Of(a[index]),
                    _ => TemplateValue.Missing,
                };
                if (!current.Exists)
                {
                    return current;
                }
            }

            return current;
        }

        private static TemplateValue Count(TemplateValue value) => TemplateValue.Of(JsonValue.Create(value.Node switch
        {
            JsonArray a => a.Count,
            JsonObject o => o.Count,
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>().Length,
            _ => 0,
        }));

        private static bool AreEqual(TemplateValue a, TemplateValue b)
        {
            var (ka, kb) = (Normalise(a.Kind), Normalise(b.Kind));
            if (ka != kb)
            {
                return false;
            }

            return ka switch
            {
                JsonValueKind.Null or JsonValueKind.True or JsonValueKind.False => true,
                JsonValueKind.Number => a.AsNumber() == b.AsNumber(),
                JsonValueKind.String => string.Equals(a.AsText(), b.AsText(), StringComparison.Ordinal),
                _ => JsonNode.DeepEquals(a.Node, b.Node),
            };
        }

        private static JsonValueKind Normalise(JsonValueKind kind) => kind == JsonValueKind.Undefined ? JsonValueKind.Null : kind;

        private static int Compare(TemplateValue a, TemplateValue b, string expression) => (a.Kind, b.Kind) switch
        {
            (JsonValueKind.Number, JsonValueKind.Number) => a.AsNumber().CompareTo(b.AsNumber()),
            (JsonValueKind.String, JsonValueKind.String) => string.CompareOrdinal(a.AsText(), b.AsText()),
            _ => throw new CardTemplateException(
                $"The card template expression '${{{expression}}}' compares {a.Kind} with {b.Kind}; '<', '>', '<=' and '>=' need two numbers or two strings."),
        };

        private bool Accept(string token)
        {
            SkipSpace();
            if (string.CompareOrdinal(text, _position, token, 0, token.Length) != 0)
            {
                return false;
            }

            // '<' must not swallow the first half of '<=', nor '!' the first half of '!='.
            if (token.Length == 1 && Peek(1) == '=')
            {
                return false;
            }

            _position += token.Length;
            return true;
        }

        private void Expect(string token)
        {
            if (!Accept(token))
            {
                throw Error(_position < text.Length ? $"'{text[_position..]}' where '{token}' was expected" : $"the end of the expression where '{token}' was expected");
            }
        }

        private string ReadQuoted()
        {
            var quote = text[_position++];
            var builder = new StringBuilder();
            while (_position < text.Length && text[_position] != quote)
            {
                if (text[_position] == '\\' && _position + 1 < text.Length)
                {
                    _position++;
                }

                builder.Append(text[_position++]);
            }

            if (_position == text.Length)
            {
                throw Error("a string with no closing quote");
            }

            _position++;
            return builder.ToString();
        }

        private string ReadName()
        {
            var start = _position++;
            while (char.IsAsciiLetterOrDigit(Peek()) || Peek() == '_')
            {
                _position++;
            }

            return text[start.._position];
        }

        private static bool IsNameStart(char c) => char.IsAsciiLetter(c) || c is '_' or '$';

        private char Peek(int ahead = 0) => _position + ahead < text.Length ? text[_position + ahead] : '\0';

        private void SkipSpace()
        {
            while (_position < text.Length && char.IsWhiteSpace(text[_position]))
            {
                _position++;
            }
        }

        private CardTemplateException Error(string found) => new(
            $"The card template expression '${{{text}}}' is not in the supported subset: found {found}. " +
            "Supported: paths (a.b[0], $root, $data, $index), string/number/true/false/null literals, " +
            "!, ==, !=, <, <=, >, >=, &&, ||, parentheses, empty(…), exists(…), not(…), count(…).");
    }
}
