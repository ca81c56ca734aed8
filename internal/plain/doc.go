// Package plain runs mfapush's flows as lines of text instead of the TUI:
// for scripts, CI jobs, screen readers and helpdesk logs. The cli package
// picks it with --plain (or plain = true in the config file), when stdout
// or stdin is not a terminal, or when a flag only the plain mode
// understands is given (--json, --password-stdin, --otp-stdin,
// --recovery-code-stdin, --show-tokens, --authenticator, --factor,
// --phone-number, --email, --code-stdin).
//
// The flows are those of the TUI, driven through package flow:
//
//   - enroll: sign in for the MFA API, POST /mfa/associate, print the QR
//     code once (half blocks, no escape sequences unless the output is a
//     terminal that allows colour), the link, the deadline and the recovery
//     code, then one status line per poll until the phone has enrolled.
//     With --factor otp: the authenticator app's QR code and its secret in
//     groups of four, then its first code confirms it; --factor sms, voice
//     or email: --phone-number (E.164) or --email, then the code sent
//     confirms it (the mfa-oob grant's binding_code).
//   - challenge --authenticator ID answers MFA with that authenticator,
//     whatever its kind: a push and its wait; for SMS, voice and email
//     /mfa/challenge sends a code, then the code is checked; for the app,
//     its code is checked.
//   - challenge: sign in, list the authenticators, push the first active
//     Guardian push one (or --authenticator), one status line per poll until
//     the answer; or, with --otp-stdin, check a 6-digit code instead, or
//     with --recovery-code-stdin a recovery code (whose replacement it
//     prints, once).
//   - authenticators: sign in for the MFA API and list them, one a line.
//
// Every word comes from the i18n catalog. Secrets (mfa_token, oob_code,
// client secret, password, tokens) are never printed, except token values
// with --show-tokens; the QR code, its link and the
// recovery code are printed on the human output because showing them is the
// point of enrolling, but never go into the JSON.
//
// Input: --username, else a prompt on the terminal. The password is read
// without echo from the terminal (stdin, or /dev/tty when stdin is a pipe),
// or as the first line of stdin with --password-stdin; --otp-stdin and
// --recovery-code-stdin read the code from the next line, before the
// first request. --code-stdin reads the code sent (or the app's) from the
// next line once it is asked for, after the request that sent it; without
// it the terminal is asked, and with no terminal the run fails (input).
// A missing or malformed --phone-number or --email fails before any
// request. Prompts go to stderr.
//
// With the built-in sandbox (no tenant configured) no one can play the
// simulated phone, so the run answers for it after a delay and says so:
// it scans the code, approves the push, and passes on the code its inbox
// received or its authenticator app computes (never printed).
//
// # Exit status
//
// The table of package exitcode, the same as the interface's:
//
//	0    done: enrolled, approved, listed
//	1    an error: wrong password, expired, timed out, rate limited, …
//	2    rejected on the device, or cancelled at a prompt (end of input)
//	129, 130, 143
//	     interrupted by SIGHUP, SIGINT (Ctrl+C) or SIGTERM: cli.Main ends
//	     the context on each; the request in flight is cancelled and
//	     nothing more is sent
//
// [Outcome.ExitCode] holds this mapping; [Run] returns it, with the status
// of the signal that ended the context for an interrupted run.
//
// # JSON
//
// With --json, stdout carries one JSON document at the end and nothing
// else; the human lines go to stderr. Field names are stable. Sections that
// do not apply to a run are left out; "authenticators" is present (maybe
// empty) whenever the list was fetched.
//
//	{
//	  "flow": "enroll" | "challenge" | "authenticators",
//	  "tenant": "https://acme.eu.auth0.com",
//	  "user": "bob@example.com",
//	  "outcome": "enrolled" | "approved" | "listed" | "already_enrolled" |
//	             "rejected" | "expired" | "timed_out" | "rate_limited" |
//	             "error" | "cancelled" | "interrupted",
//	  "exit_code": 0,
//	  "authenticators": [
//	    {"id": "push|dev_…", "kind": "push", "type": "oob", "oob_channel": "auth0",
//	     "name": "Bob's phone", "active": true}
//	  ],
//	  "enrollment": {
//	    "outcome": "enrolled" | …,
//	    "factor": "push" | "otp" | "sms" | "voice" | "email",
//	    "expires_at": "2026-03-01T09:05:00Z",   // the push QR code's deadline
//	    "recovery_codes": 1,                     // how many were printed; never their values
//	    "polls": 3,                              // 0 for a factor confirmed with a code
//	    "authenticator": {…}                     // once enrolled
//	  },
//	  "challenge": {
//	    "method": "push" | "otp" | "sms" | "voice" | "email" | "recovery_code",
//	    "authenticator": {…},
//	    "outcome": "approved" | "rejected" | "expired" | "timed_out" |
//	               "rate_limited" | "error" | "interrupted",
//	    "polls": 2,
//	    "expires_at": "…",                       // the mfa_token's deadline
//	    "recovery_codes": 1                      // new codes printed after one was used; never their values
//	  },
//	  "tokens": {
//	    "token_type": "Bearer", "scope": "openid profile email",
//	    "audience": "https://api.example.com",   // when the access token is a JWT
//	    "expires_in": 86400, "expires_at": "…",  // both left out when the answer gave no believable expiry
//	    "issued": ["access_token", "id_token"],
//	    "access_token": "…", "id_token": "…", "refresh_token": "…"  // only with --show-tokens
//	  },
//	  "error": {
//	    "kind": "wrong_credentials",             // see problemKinds; also "input" (flags, stdin), "settings"
//	                                             // (the run could not start; "tenant" is then empty),
//	                                             // and "expired", "timed_out", "rate_limited" for a wait
//	    "title": "…", "fix": "…",                // in the user's language
//	    "detail": "…",                           // Auth0's answer in words
//	    "status": 403, "code": "invalid_grant", "description": "Wrong email or password.",
//	    "scopes": ["delete:authentication_methods"]  // a helpdesk command's missing scopes
//	  },
//	  "helpdesk": {…}                            // the helpdesk's commands, below
//	}
//
// # The helpdesk's commands
//
// user show, verify, ticket, reset and recovery-code act on one user found
// by email (--user-id or --connection pick one of several) through the
// helpdesk's machine-to-machine application, and append each action to the
// audit log (package audit). Their "flow" is user_show, verify, ticket,
// reset or recovery_code; "outcome" is listed (user show), approved or
// rejected (verify), done, cancelled (reset, the email typed did not
// match) or error. reset asks to type the user's email on a terminal, and
// needs --yes without one. Their section:
//
//	"helpdesk": {
//	  "email": "bob@example.com",
//	  "users": [{…}],                           // when several users have the email
//	  "user": {"user_id": "auth0|…", "email": "…", "name": "Bob",
//	           "connection": "Username-Password-Authentication", "last_login": "…", "blocked": false},
//	  "authentication_methods": [{"id": "push|dev_…", "type": "push", "name": "…", "confirmed": true,
//	           "created_at": "…", "last_auth_at": "…"}],
//	  "enrollments": [{"id": "dev_…", "status": "confirmed", "type": "pn", "name": "…", "auth_method": "guardian"}],
//	  "verification": {"binding_message": "Helpdesk-4821", "polls": 2, "expires_at": "…", "approved_at": "…"},
//	  "ticket": {"ticket_id": "…", "ticket_url": "https://…", "expires_at": "…", "mailed": false},
//	  "reset": {"all": true, "method_ids": ["push|dev_…"]},
//	  "recovery_codes": 1,                      // printed on the human output; never the value
//	  "audit_error": "…"                        // the audit log could not be written
//	}
package plain
