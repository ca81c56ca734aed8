// Drives the sandbox with Auth0's own JS SDK: enroll, challenge and verify
// the authenticator app, SMS and email.
import { AuthClient } from '@auth0/auth0-auth-js';

const domainURL = process.env.AUTH0_DOMAIN;            // https://127.0.0.1:PORT
const domain = domainURL.replace(/^https:\/\//, '');
const clientId = 'sandbox-client', clientSecret = 'sandbox-secret';
const auth = new AuthClient({ domain, clientId, clientSecret });

async function login(username) {
  const r = await fetch(`${domainURL}/oauth/token`, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', username, password: username.split('@')[0] + '-password', client_id: clientId, client_secret: clientSecret, scope: 'openid profile' }),
  });
  const b = await r.json();
  if (b.error !== 'mfa_required') throw new Error('login: ' + JSON.stringify(b));
  return b.mfa_token;
}
const control = async (path, init) => (await fetch(domainURL + path, init)).json();
const lastCode = async (channel) => (await control(`/sandbox/messages?channel=${channel}`))[0].code;
const ok = (what, cond, v) => { if (!cond) { console.error('FAIL', what, JSON.stringify(v)); process.exitCode = 1 } else console.log('ok  ', what); };

// 1. Authenticator app: enroll with the mfa_token, the phone scans, verify with otp.
let mfa = await login('alice@example.com');
const app = await auth.mfa.enrollAuthenticator({ mfaToken: mfa, authenticatorTypes: ['otp'] });
ok('otp enroll', app.secret && app.barcodeUri && app.authenticatorType === 'otp', app);
const dev = await control('/sandbox/devices', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ barcode_uri: app.barcodeUri }) });
let otp = (await control(`/sandbox/devices/${dev.id}/otp`)).otp;
let t = await auth.mfa.verify({ mfaToken: mfa, factorType: 'otp', otp });
ok('otp verify (enrollment)', t.accessToken, t);

// The list through the SDK.
mfa = await login('alice@example.com');
let list = await auth.mfa.listAuthenticators({ mfaToken: mfa });
ok('list', list.some(a => a.id.startsWith('totp|') && a.active), list);

// OTP challenge then verify with the next code.
const oc = await auth.mfa.challengeAuthenticator({ mfaToken: mfa, challengeType: 'otp', authenticatorId: list.find(a => a.id.startsWith('totp|')).id });
ok('otp challenge', oc.challengeType === 'otp', oc);

// 2. SMS and 3. email: a second factor needs an /mfa/ access token.
const tokenWithScope = async () => {
  const r = await fetch(`${domainURL}/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', username: 'alice@example.com', password: 'alice-password', client_id: clientId, client_secret: clientSecret,
      audience: `${domainURL}/mfa/`, scope: 'openid enroll read:authenticators' }) });
  return (await r.json()).mfa_token;
};
await new Promise(r => setTimeout(r, 31000)); // the app's next code: each works once
const m2 = await tokenWithScope();
otp = (await control(`/sandbox/devices/${dev.id}/otp`)).otp;
const access = (await auth.mfa.verify({ mfaToken: m2, factorType: 'otp', otp })).accessToken;

for (const [channel, extra] of [['sms', { phoneNumber: '+15555550100' }], ['email', { email: 'alice@example.com' }]]) {
  const en = await auth.mfa.enrollAuthenticator({ mfaToken: access, authenticatorTypes: ['oob'], oobChannels: [channel], ...extra });
  ok(`${channel} enroll`, en.oobCode && en.bindingMethod === 'prompt', en);
  const v = await auth.mfa.verify({ mfaToken: m2, factorType: 'oob', oobCode: en.oobCode, bindingCode: await lastCode(channel) });
  ok(`${channel} verify (enrollment)`, v.accessToken, v);
  mfa = await login('alice@example.com');
  list = await auth.mfa.listAuthenticators({ mfaToken: mfa });
  const a = list.find(a => a.id.startsWith(channel + '|'));
  ok(`${channel} listed`, a && a.active && a.name, list);
  const ch = await auth.mfa.challengeAuthenticator({ mfaToken: mfa, challengeType: 'oob', authenticatorId: a.id });
  ok(`${channel} challenge`, ch.oobCode && ch.bindingMethod === 'prompt', ch);
  try {
    await auth.mfa.verify({ mfaToken: mfa, factorType: 'oob', oobCode: ch.oobCode, bindingCode: '000000' === (await lastCode(channel)) ? '111111' : '000000' });
    ok(`${channel} wrong code refused`, false, 'accepted');
  } catch (e) { ok(`${channel} wrong code refused`, e.cause?.error === 'invalid_grant' && e.cause?.error_description === 'Invalid binding_code.', e.cause ?? e.message); }
  const v2 = await auth.mfa.verify({ mfaToken: mfa, factorType: 'oob', oobCode: ch.oobCode, bindingCode: await lastCode(channel) });
  ok(`${channel} verify (challenge)`, v2.accessToken, v2);
}
