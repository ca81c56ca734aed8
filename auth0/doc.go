// Package auth0 is mfapush's client for Auth0's MFA API and token endpoint:
// the password login that answers mfa_required, enrollment (/mfa/associate),
// the authenticator list and delete, challenges, and the mfa-oob, mfa-otp and
// mfa-recovery-code grants, the client_credentials grant, and CIBA
// (/bc-authorize and its grant). It is small and exact: typed requests and results,
// one error type, and one classifier for every answer of the token endpoint.
// It imports nothing from the user interface.
package auth0
