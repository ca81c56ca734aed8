// Records the requests Auth0's Node SDK (npm auth0: its ManagementClient,
// and the AuthenticationClient of its auth0/legacy entry point for CIBA)
// sends to `mfapush sandbox --tls`, with the status, Content-Type, OAuth
// error code and Retry-After of each answer, into node-auth0-exchanges.json,
// which TestNodeSDKExchanges replays without npm. It also checks what the
// SDK makes of each answer, on stderr: ok or FAIL for each step.
//
// To run it: in a scratch folder outside the repository, `npm install
// auth0@7.1.0`, copy this file there, start `mfapush sandbox --tls` and paste
// its export lines into the shell, then
//   NODE_EXTRA_CA_CERTS=$SSL_CERT_FILE node record-node-auth0.mjs > node-auth0-exchanges.json
// Values that change from run to run become {PLACEHOLDERS}; the sandbox
// must be fresh (bob still has his push device). It takes about 10 s.

const base = process.env.AUTH0_DOMAIN; // https://127.0.0.1:PORT
const domain = base.replace(/^https:\/\//, '');
// The sandbox's helpdesk application (its export lines also offer a
// read-only one, used at the end).
const helpdesk = { clientId: 'sandbox-helpdesk', clientSecret: 'sandbox-helpdesk-secret' };

const exchanges = [];
const secrets = new Map(); // a run's value -> its placeholder
let note = '';
const placeholders = (text) => {
  for (const [value, name] of secrets) text = text.split(value).join(name);
  return text;
};
const sdkFetch = globalThis.fetch;
// The SDK's fetch, wrapped: every request to the tenant but the
// simulated phone's is written down.
globalThis.fetch = async (input, init = {}) => {
  const req = new Request(input, init);
  const body = req.body ? await req.clone().text() : '';
  const res = await sdkFetch(req);
  const u = new URL(req.url);
  if (!u.pathname.startsWith('/sandbox/')) {
    const bearer = (req.headers.get('authorization') ?? '').replace(/^Bearer /, '');
    exchanges.push({
      method: req.method, path: placeholders(u.pathname + u.search),
      content_type: req.method === 'GET' || req.method === 'DELETE' ? '' : (req.headers.get('content-type') ?? ''),
      bearer: bearer ? placeholders(bearer) : '', body: placeholders(body),
      status: res.status, answer_content_type: res.headers.get('content-type') ?? '',
      answer_error: res.ok ? '' : ((await res.clone().json().catch(() => ({}))).error ?? ''),
      retry_after: res.headers.get('retry-after') ?? '', note,
    });
    if (res.ok && body.includes('grant_type=client_credentials')) {
      secrets.set((await res.clone().json()).access_token, note === 'limited token' ? '{LIMITED_TOKEN}' : '{TOKEN}');
    }
    note = '';
  }
  return res;
};
const { ManagementClient } = await import('auth0');
const { AuthenticationClient } = await import('auth0/legacy');

const failures = [];
const ok = (what, cond, v) => { if (!cond) failures.push(`${what}: ${JSON.stringify(v)}`); console.error(cond ? 'ok  ' : 'FAIL', what); };
const refused = async (what, call, check) => {
  try { ok(what, false, await call()); } catch (e) { ok(what, check(e), { status: e.statusCode, body: e.body, message: e.message }); }
};
const phone = (path, init) => sdkFetch(base + '/sandbox/' + path, init);
const answerLast = async (verb) => {
  const [n] = await (await phone('notifications')).json();
  const r = await phone(`notifications/${n.id}/${verb}`, { method: 'POST' });
  if (!r.ok) throw new Error(`the phone could not ${verb}: ${r.status} ${await r.text()}`);
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

secrets.set(encodeURIComponent(base), '{BASE_Q}');
const mgmt = new ManagementClient({ domain, ...helpdesk });

// The helpdesk: find carol (two accounts), then bob and his factors.
const carol = await mgmt.users.listUsersByEmail({ email: 'carol@example.com' });
ok('users-by-email carol: two accounts', carol.length === 2, carol);
const [bob] = await mgmt.users.listUsersByEmail({ email: 'bob@example.com' });
secrets.set(encodeURIComponent(bob.user_id), '{BOB_P}').set(bob.user_id, '{BOB}');
await mgmt.users.listUsersByEmail({ email: 'bob@example.com' });
const again = await mgmt.users.get(bob.user_id);
ok('users.get', again.email === 'bob@example.com', again);
const methods = (await mgmt.users.authenticationMethods.list(bob.user_id, { page: 0, per_page: 50, include_totals: true })).data;
ok('authentication methods', methods.some((m) => m.type === 'push') && methods.some((m) => m.type === 'totp'), methods);
const push = methods.find((m) => m.type === 'push');
secrets.set(encodeURIComponent(push.id), '{PUSH_P}');
const enrollments = await mgmt.users.enrollments.get(bob.user_id);
ok('enrollments', enrollments.some((e) => e.status === 'confirmed'), enrollments);
const carolDB = carol.find((u) => u.user_id.startsWith('auth0|')).user_id;
secrets.set(carolDB, '{CAROL}');
const ticket = await mgmt.guardian.enrollments.createTicket({ user_id: carolDB, factor: 'push-notification', send_mail: false, email_locale: 'fr', allow_multiple_enrollments: true });
ok('enrollment ticket', ticket.ticket_url && ticket.ticket_id, ticket);
const regenerated = await mgmt.users.regenerateRecoveryCode(bob.user_id);
ok('recovery code regenerated', /^[A-Z0-9]{24}$/.test(regenerated.recovery_code), regenerated);

// CIBA: bob approves on the phone between two polls, rejects the next
// request, lets a one-second one expire, and a poll too soon gets slow_down.
const auth = new AuthenticationClient({ domain, ...helpdesk });
const authorize = async (binding, expiry) => {
  const r = await auth.backchannel.authorize({ userId: bob.user_id, binding_message: binding, scope: 'openid', requested_expiry: expiry });
  secrets.set(r.auth_req_id, '{AUTH_REQ_ID}');
  return r;
};
const grant = (r) => auth.backchannel.backchannelGrant({ auth_req_id: r.auth_req_id });
let req = await authorize('Helpdesk-4821', '120');
ok('bc-authorize', req.auth_req_id && req.expires_in === 120 && req.interval === 5, req);
await refused('poll before an answer', () => grant(req), (e) => e.statusCode === 400 && e.error === 'authorization_pending');
await answerLast('approve');
note = 'approved on the phone';
const tokens = await grant(req);
ok('poll after the approval', tokens.access_token && tokens.id_token, tokens);

req = await authorize('Helpdesk-4822', '120');
await answerLast('reject');
note = 'rejected on the phone';
await refused('poll after the rejection', () => grant(req), (e) => e.statusCode === 400 && e.error === 'access_denied');

req = await authorize('Helpdesk-4823', '1');
await sleep(1500);
note = 'expired';
await refused('poll after the expiry', () => grant(req), (e) => e.statusCode === 400 && e.error === 'access_denied');

req = await authorize('Helpdesk-4824', '120');
await refused('first poll', () => grant(req), (e) => e.error === 'authorization_pending');
note = 'too soon';
await refused('a poll too soon', () => grant(req), (e) => e.statusCode === 400 && e.error === 'slow_down' && e.body.includes('"interval":10') && e.headers.get('retry-after') === '10');

await refused('a binding message outside the rule', () => authorize('Reset your phone?', '120'), (e) => e.statusCode === 400 && e.error === 'invalid_binding_message');

// The helpdesk removes bob's factors, then the read-only application tries.
await mgmt.users.authenticationMethods.delete(bob.user_id, push.id);
await mgmt.users.authenticationMethods.deleteAll(bob.user_id);
const left = (await mgmt.users.authenticationMethods.list(bob.user_id, { page: 0, per_page: 50, include_totals: true })).data;
ok('no method left', left.length === 0, left);
await refused('unknown user', () => mgmt.users.get('auth0|nobody'), (e) => e.statusCode === 404);
note = 'limited token';
const limited = new ManagementClient({ domain, clientId: 'sandbox-helpdesk-limited', clientSecret: 'sandbox-helpdesk-limited-secret' });
await refused('delete without the scope', () => limited.users.authenticationMethods.deleteAll(bob.user_id), (e) => e.statusCode === 403);

process.stdout.write(JSON.stringify(exchanges, null, 2) + '\n');
if (failures.length) { console.error(failures.join('\n')); process.exitCode = 1; }
