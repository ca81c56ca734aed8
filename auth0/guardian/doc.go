// Package guardian is the device side of Auth0 Guardian push, as a phone app
// speaks it: it reads the enrollment QR code (an otpauth URI), enrolls an
// RSA key with the enrollment ticket, answers push challenges with a signed
// challenge_response, and computes the TOTP codes of the enrolled secret.
//
// It knows nothing of the sandbox: the simulated phone is built on it, and it
// works against any server that speaks the Guardian device endpoints.
package guardian
