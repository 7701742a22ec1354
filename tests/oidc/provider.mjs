// A real OpenID Provider (oidc-provider, a certified implementation) on loopback, standing in for
// the council's identity provider in the staff sign-in tests. Everything comes from the environment:
//
//   OIDC_PORT                     port to listen on (0, the default: any free port)
//   OIDC_ISSUER                   issuer identifier (default: http://127.0.0.1:<port>)
//   OIDC_CLIENT_ID, OIDC_CLIENT_SECRET
//   OIDC_REDIRECT_URIS            space-separated redirect URIs of the client
//   OIDC_POST_LOGOUT_REDIRECT_URIS  space-separated
//   OIDC_ACCOUNTS                 JSON: [{ "login", "email", "name", "roles": [], "groups": [] }]
//   OIDC_TEST_CONTROL             "1": POST /test/tamper (body: mode=...) changes the next ID tokens
//
// Authorisation requests must use PKCE (S256), as the council's provider should insist on.
// Prints "listening <issuer>" once ready; stops on SIGTERM or when standard input closes.
import { createServer } from 'node:http';
import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import Provider from 'oidc-provider';

const env = process.env;
const list = (value) => (value ?? '').split(/\s+/).filter(Boolean);
const accounts = new Map(JSON.parse(env.OIDC_ACCOUNTS ?? '[]').map((a) => [a.login, a]));

const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
const kid = 'loopback-signing-key';
const jwk = { ...signingKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' };

// Negative tests: the provider still runs the real flow, then the ID token it sends back from the
// token endpoint is altered (and re-signed, except for "signature") the way an attacker or a
// misconfigured provider would alter it.
let tamper = 'none';
const impostorKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
const b64url = (value) => Buffer.from(value).toString('base64url');

function tamperWith(idToken) {
  const [header, payload] = idToken.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  switch (tamper) {
    case 'issuer': claims.iss = `${claims.iss}/impostor`; break;
    case 'audience': claims.aud = 'some-other-client'; break;
    case 'nonce': claims.nonce = randomBytes(16).toString('base64url'); break;
    case 'expired': claims.iat -= 7200; claims.exp = claims.iat + 600; break;
    case 'azp': claims.aud = [claims.aud, 'some-other-client']; claims.azp = 'some-other-client'; break;
    case 'signature': break;
    default: return idToken;
  }
  const signed = `${header}.${b64url(JSON.stringify(claims))}`;
  const key = tamper === 'signature' ? impostorKey : signingKey;
  return `${signed}.${sign('sha256', Buffer.from(signed), key).toString('base64url')}`;
}

const server = createServer();
server.listen(Number(env.OIDC_PORT ?? 0), '127.0.0.1', () => {
  const { port } = server.address();
  const issuer = env.OIDC_ISSUER || `http://127.0.0.1:${port}`;

  const provider = new Provider(issuer, {
    clients: [{
      client_id: env.OIDC_CLIENT_ID ?? 'selfservice-staff',
      client_secret: env.OIDC_CLIENT_SECRET ?? 'loopback-secret',
      redirect_uris: list(env.OIDC_REDIRECT_URIS),
      post_logout_redirect_uris: list(env.OIDC_POST_LOGOUT_REDIRECT_URIS),
      token_endpoint_auth_method: 'client_secret_post',
      grant_types: ['authorization_code'],
      response_types: ['code'],
    }],
    jwks: { keys: [jwk] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    pkce: { required: () => true },
    // Roles and groups travel in every ID token, as Entra ID's app roles do.
    claims: { openid: ['sub', 'roles', 'groups'], email: ['email', 'email_verified'], profile: ['name'] },
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    async findAccount(_ctx, id) {
      const account = accounts.get(id);
      if (!account) {
        return undefined;
      }
      return {
        accountId: id,
        async claims() {
          return {
            sub: id,
            email: account.email,
            email_verified: true,
            name: account.name,
            ...(account.roles ? { roles: account.roles } : {}),
            ...(account.groups ? { groups: account.groups } : {}),
          };
        },
      };
    },
  });
  provider.proxy = false;

  provider.use(async (ctx, next) => {
    if (env.OIDC_TEST_CONTROL === '1' && ctx.method === 'POST' && ctx.path === '/test/tamper') {
      const body = await new Promise((resolve) => {
        let text = '';
        ctx.req.on('data', (chunk) => { text += chunk; });
        ctx.req.on('end', () => resolve(text));
      });
      tamper = new URLSearchParams(body).get('mode') ?? 'none';
      ctx.body = { tamper };
      return;
    }

    await next();

    if (ctx.path === '/token' && ctx.status === 200 && ctx.body?.id_token) {
      ctx.body = { ...ctx.body, id_token: tamperWith(ctx.body.id_token) };
    }
    // The stock pages import a web font; tests stay on loopback, so drop it.
    if (typeof ctx.body === 'string') {
      ctx.body = ctx.body.replace(/@import url\(https:\/\/fonts\.googleapis\.com[^)]*\);?/g, '');
    }
  });

  server.on('request', provider.callback());
  console.log(`listening ${issuer}`);
});

// The tests end the provider by closing its standard input or by signal; nothing to flush.
const stop = () => process.exit(0);
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.on('end', stop);
process.stdin.resume();
