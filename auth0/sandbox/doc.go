// Package sandbox is an in-memory Auth0 tenant that speaks the MFA API and
// the Guardian device endpoints over loopback HTTP, with a simulated Guardian
// phone. It lets mfapush run with no Auth0 account, lets people explore the
// MFA API with curl, and gives every test something that behaves like Auth0,
// errors, expiries and rate limits included.
//
// Start serves a Tenant (the http.Handler) on a loopback address and
// connects a Phone (a real client of the Guardian endpoints, an
// authenticator app, and the inbox of the SMS, voice calls and emails the
// tenant sends with codes). The demo users
// are alice@example.com (no authenticators) and bob@example.com (a push
// device held by the phone, its TOTP twin and a recovery code).
//
// docs/sandbox.md lists its limits, where each figure comes from, how it
// refuses requests from web pages, and the phone's rules.
package sandbox
