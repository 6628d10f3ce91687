// A real OpenID Connect provider (the certified `oidc-provider` package) on 127.0.0.1, for the
// tests and for trying the log-ins locally. It plays three parties: the gemeente's identity
// provider (officials, with groups), and the broker for DigiD (residents: BSN, level of
// assurance) and eHerkenning (organisations: KvK number, name, the acting person).
//
// Usage: node tests/oidc/testaanbieder.mjs <accounts.json>
//   OIDC_POORT   the port to listen on (127.0.0.1), default 8090
// The accounts file is read anew on every log-in, so a test can change a person's claims
// between two log-ins:
//   {"clients": [{"client_id": "...", "client_secret": "...", "redirect_uris": ["..."]}],
//    "accounts": {"<login>": {"wachtwoord": "...", "claims": {"email": "...", "groups": [...]}}}}
// When it listens it prints one line: `KLAAR <issuer>`.

import { readFileSync } from 'node:fs';
import http from 'node:http';
import querystring from 'node:querystring';

import Provider from 'oidc-provider';

const bestand = process.argv[2];
if (!bestand) {
  console.error('usage: node testaanbieder.mjs <accounts.json>');
  process.exit(2);
}
const poort = Number(process.env.OIDC_POORT || 8090);
const issuer = `http://127.0.0.1:${poort}`;

const lees = () => JSON.parse(readFileSync(bestand, 'utf8'));
const { clients } = lees();

const provider = new Provider(issuer, {
  clients: clients.map((c) => ({
    client_id: c.client_id,
    client_secret: c.client_secret,
    redirect_uris: c.redirect_uris,
    post_logout_redirect_uris: c.post_logout_redirect_uris || [],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_post',
  })),
  async findAccount(ctx, sub) {
    const account = lees().accounts[sub];
    if (!account) return undefined;
    return {
      accountId: sub,
      async claims() {
        return { sub, ...account.claims };
      },
    };
  },
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name', 'given_name', 'family_name'],
    groups: ['groups', 'roles'],
    digid: ['bsn', 'loa'],
    eherkenning: ['kvk', 'bedrijfsnaam', 'name', 'loa'],
  },
  scopes: ['openid', 'email', 'profile', 'groups', 'digid', 'eherkenning'],
  features: { devInteractions: { enabled: false } },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  cookies: { keys: ['testaanbieder-alleen-voor-tests'] },
  ttl: { Session: 600, Interaction: 600, Grant: 600, AccessToken: 600, AuthorizationCode: 60 },
});
provider.proxy = false;

function pagina(res, status, uid, fout) {
  const melding = fout ? `<p role="alert">${fout}</p>` : '';
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(`<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Testaanbieder</title></head>
<body><h1>Inloggen bij de testaanbieder</h1>${melding}
<form method="post" action="/interaction/${uid}">
<label for="login">Gebruikersnaam</label> <input id="login" name="login" required>
<label for="wachtwoord">Wachtwoord</label> <input id="wachtwoord" name="wachtwoord" type="password" required>
<button type="submit">Inloggen</button></form></body></html>`);
}

async function interactie(req, res, uid) {
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) {
    res.writeHead(400).end('wrong interaction');
    return;
  }
  const { prompt, params, session } = details;
  if (prompt.name === 'consent') {
    // First-party clients: consent is given for them.
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
    if (prompt.details.missingOIDCScope) grant.addOIDCScope(prompt.details.missingOIDCScope.join(' '));
    if (prompt.details.missingOIDCClaims) grant.addOIDCClaims(prompt.details.missingOIDCClaims);
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
    return;
  }
  if (req.method === 'GET') {
    pagina(res, 200, uid);
    return;
  }
  const body = await new Promise((resolve) => {
    let data = '';
    req.on('data', (d) => { data += d; });
    req.on('end', () => resolve(querystring.parse(data)));
  });
  const account = lees().accounts[body.login];
  if (!account || account.wachtwoord !== body.wachtwoord) {
    pagina(res, 401, uid, 'Onbekende gebruikersnaam of verkeerd wachtwoord.');
    return;
  }
  await provider.interactionFinished(
    req,
    res,
    { login: { accountId: String(body.login) } },
    { mergeWithLastSubmission: false },
  );
}

const aanbieder = provider.callback();
const server = http.createServer((req, res) => {
  const m = /^\/interaction\/([\w-]+)$/.exec(req.url.split('?')[0]);
  if (m) {
    interactie(req, res, m[1]).catch((err) => {
      res.writeHead(400, { 'Content-Type': 'text/plain' });
      res.end(String(err && err.message));
    });
    return;
  }
  aanbieder(req, res);
});
server.listen(poort, '127.0.0.1', () => {
  console.log(`KLAAR ${issuer}`);
});
const stoppen = () => server.close(() => process.exit(0));
process.on('SIGTERM', stoppen);
process.on('SIGINT', stoppen);
