// Package trace keeps a session's request trace, every HTTP exchange with
// the tenant, and renders it: one line per exchange for the list, the whole
// exchange as terminal-safe text, and the curl command that replays it.
//
// Exchanges arrive from the auth0 client with secrets already replaced by
// shell variable placeholders ($MFA_TOKEN…), so the rendered trace shows no
// secret and a copied curl command asks the shell for each one.
package trace
