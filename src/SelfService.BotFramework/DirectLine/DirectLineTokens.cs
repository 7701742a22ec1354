using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace SelfService.BotFramework.DirectLine;

/// <summary>What a token may be used for; a token of one kind is refused where another is needed.</summary>
public enum DirectLineTokenScope
{
    /// <summary>The bearer token a client sends on every call (and refreshes).</summary>
    Conversation,

    /// <summary>The short-lived token inside a <c>streamUrl</c>, which a browser WebSocket cannot send as a header.</summary>
    Stream,

    /// <summary>The token inside the address of an uploaded file, so an <c>&lt;img&gt;</c> can show it.</summary>
    Attachment,
}

/// <summary>Who a valid token speaks for: one user in one conversation, until it expires.</summary>
public sealed record DirectLineTokenClaims(
    DirectLineTokenScope Scope,
    string UserId,
    string? UserName,
    string ConversationId,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt,
    string? AttachmentId = null);

public enum DirectLineTokenStatus
{
    Valid,
    Malformed,
    BadSignature,
    Expired,
}

public readonly record struct DirectLineTokenCheck(DirectLineTokenStatus Status, DirectLineTokenClaims? Claims);

/// <summary>
/// Issues and checks Direct Line tokens: compact JWTs signed with HMAC-SHA256. Clients treat them
/// as opaque; the signature makes them unforgeable and the claims bind each to one user and one
/// conversation, so a token can neither be guessed nor reused for someone else's conversation.
/// </summary>
public sealed class DirectLineTokens
{
    private const string Issuer = "selfservice-directline";
    private static readonly byte[] Header = Encoding.UTF8.GetBytes(Base64Url.EncodeToString("""{"alg":"HS256","typ":"JWT"}"""u8));
    private readonly byte[] _key;
    private readonly TimeProvider _time;
    private readonly DirectLineOptions _options;

    public DirectLineTokens(IOptions<DirectLineOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _time = time;
        _key = SigningKey(_options.TokenSigningKey);
    }

    public TimeSpan ConversationTokenLifetime => _options.TokenLifetime;

    public int ExpiresInSeconds => (int)_options.TokenLifetime.TotalSeconds;

    /// <summary>
    /// What <c>tokens/generate</c> returns, for server code (such as a portal page) that mints a
    /// token for its signed-in user in-process instead of calling the endpoint with the secret.
    /// </summary>
    public DirectLineTokenResponse Generate(string userId, string? userName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var conversationId = DirectLineChannel.NewConversationId();
        return new DirectLineTokenResponse(conversationId, IssueConversationToken(userId, userName, conversationId), ExpiresInSeconds);
    }

    public string IssueConversationToken(string userId, string? userName, string conversationId) =>
        Issue(new Payload(Issuer, "conversation", userId, userName, conversationId, null, Now(), Now() + (long)_options.TokenLifetime.TotalSeconds, NewId()));

    public string IssueStreamToken(string userId, string conversationId) =>
        Issue(new Payload(Issuer, "stream", userId, null, conversationId, null, Now(), Now() + (long)_options.StreamTokenLifetime.TotalSeconds, NewId()));

    public string IssueAttachmentToken(string userId, string conversationId, string attachmentId) =>
        Issue(new Payload(Issuer, "attachment", userId, null, conversationId, attachmentId, Now(), Now() + (long)_options.AttachmentUrlLifetime.TotalSeconds, NewId()));

    /// <summary>For tests and tools that need a token issued at a given time (for example one already expired).</summary>
    public string IssueConversationToken(string userId, string? userName, string conversationId, DateTimeOffset issuedAt, TimeSpan lifetime) =>
        Issue(new Payload(Issuer, "conversation", userId, userName, conversationId, null, issuedAt.ToUnixTimeSeconds(), (issuedAt + lifetime).ToUnixTimeSeconds(), NewId()));

    public DirectLineTokenCheck Check(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 4096)
        {
            return new(DirectLineTokenStatus.Malformed, null);
        }

        var bytes = Encoding.ASCII.GetBytes(token);
        var lastDot = Array.LastIndexOf(bytes, (byte)'.');
        var firstDot = Array.IndexOf(bytes, (byte)'.');
        if (firstDot <= 0 || lastDot <= firstDot)
        {
            return new(DirectLineTokenStatus.Malformed, null);
        }

        Span<byte> expected = stackalloc byte[32];
        HMACSHA256.HashData(_key, bytes.AsSpan(0, lastDot), expected);
        Span<byte> given = stackalloc byte[64];
        int givenLength;
        try
        {
            if (!Base64Url.TryDecodeFromUtf8(bytes.AsSpan(lastDot + 1), given, out givenLength))
            {
                return new(DirectLineTokenStatus.BadSignature, null);
            }
        }
        catch (FormatException)
        {
            return new(DirectLineTokenStatus.BadSignature, null);
        }

        if (!CryptographicOperations.FixedTimeEquals(expected, given[..givenLength]))
        {
            return new(DirectLineTokenStatus.BadSignature, null);
        }

        Payload? payload;
        try
        {
            payload = JsonSerializer.Deserialize(Base64Url.DecodeFromUtf8(bytes.AsSpan(firstDot + 1, lastDot - firstDot - 1)), TokenJson.Default.Payload);
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            return new(DirectLineTokenStatus.Malformed, null);
        }

        if (payload is not { Iss: Issuer, User.Length: > 0, Conv.Length: > 0 } || ScopeOf(payload.Scp) is not { } scope)
        {
            return new(DirectLineTokenStatus.Malformed, null);
        }

        var claims = new DirectLineTokenClaims(
            scope,
            payload.User,
            payload.Name,
            payload.Conv,
            DateTimeOffset.FromUnixTimeSeconds(payload.Iat),
            DateTimeOffset.FromUnixTimeSeconds(payload.Exp),
            payload.Att);
        return Now() >= payload.Exp ? new(DirectLineTokenStatus.Expired, claims) : new(DirectLineTokenStatus.Valid, claims);
    }

    /// <summary>Compares a presented secret with the configured one without leaking its length or content through timing.</summary>
    public bool IsSecret(string? presented)
    {
        if (string.IsNullOrEmpty(_options.Secret) || string.IsNullOrEmpty(presented))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)),
            SHA256.HashData(Encoding.UTF8.GetBytes(_options.Secret)));
    }

    private string Issue(Payload payload)
    {
        var body = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(payload, TokenJson.Default.Payload));
        var signed = new byte[Header.Length + 1 + Encoding.ASCII.GetByteCount(body)];
        Header.CopyTo(signed, 0);
        signed[Header.Length] = (byte)'.';
        Encoding.ASCII.GetBytes(body, signed.AsSpan(Header.Length + 1));
        var signature = HMACSHA256.HashData(_key, signed);
        return $"{Encoding.ASCII.GetString(signed)}.{Base64Url.EncodeToString(signature)}";
    }

    private long Now() => _time.GetUtcNow().ToUnixTimeSeconds();

    private static string NewId() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(12));

    private static DirectLineTokenScope? ScopeOf(string? scope) => scope switch
    {
        "conversation" => DirectLineTokenScope.Conversation,
        "stream" => DirectLineTokenScope.Stream,
        "attachment" => DirectLineTokenScope.Attachment,
        _ => null,
    };

    // The configured key is stretched through HKDF so that a key shared with another purpose
    // still yields a signing key of its own.
    private static byte[] SigningKey(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            throw new InvalidOperationException(
                $"{DirectLineOptions.SectionName}:{nameof(DirectLineOptions.TokenSigningKey)} is not set. Set it to a random base64 value of at least 32 bytes.");
        }

        byte[] material;
        try
        {
            material = Convert.FromBase64String(configured);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException(
                $"{DirectLineOptions.SectionName}:{nameof(DirectLineOptions.TokenSigningKey)} is not base64. Generate one with `openssl rand -base64 32`.");
        }

        if (material.Length < 32)
        {
            throw new InvalidOperationException(
                $"{DirectLineOptions.SectionName}:{nameof(DirectLineOptions.TokenSigningKey)} is {material.Length} bytes; it must be at least 32.");
        }

        return HKDF.DeriveKey(HashAlgorithmName.SHA256, material, 32, info: "SelfService Direct Line tokens v1"u8.ToArray());
    }

    internal sealed record Payload(
        [property: JsonPropertyName("iss")] string Iss,
        [property: JsonPropertyName("scp")] string Scp,
        [property: JsonPropertyName("user")] string User,
        [property: JsonPropertyName("name"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Name,
        [property: JsonPropertyName("conv")] string Conv,
        [property: JsonPropertyName("att"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Att,
        [property: JsonPropertyName("iat")] long Iat,
        [property: JsonPropertyName("exp")] long Exp,
        [property: JsonPropertyName("jti")] string Jti);
}

[JsonSerializable(typeof(DirectLineTokens.Payload))]
internal sealed partial class TokenJson : JsonSerializerContext;
