// Package management is mfapush's client for the part of Auth0's
// Management API a helpdesk uses: finding users by email, a user's
// authentication methods and Guardian enrollments, deleting methods,
// enrollment tickets and recovery codes. It is small and exact: typed
// results, one error type whose Kind says what went wrong (a missing
// scope names itself and where the dashboard grants it), and a token
// from the client_credentials grant cached until it expires.
//
// Every request goes through an auth0.Client for the helpdesk's
// machine-to-machine application, so the trace, the redaction of secrets
// and the classification of answers are the MFA API's.
package management
