package auth0

import (
	"context"
	"sync"
	"testing"
)

// WatchSecrets tells every secret the client sends or receives, before
// the call that met it returns, whether the trace reveals secrets or not:
// a recording masks them whatever the screen shows.
func TestWatchSecretsTellsEverySecret(t *testing.T) {
	for _, reveal := range []bool{false, true} {
		rs := newReplayServer(t)
		c := newClient(t, Config{Domain: rs.URL, ClientID: "cid", ClientSecret: "client-secret-value", RevealSecrets: reveal})
		var mu sync.Mutex
		told := map[string]string{}
		c.WatchSecrets(func(variable, value string) {
			mu.Lock()
			defer mu.Unlock()
			told[value] = variable
		})
		ctx := context.Background()
		rs.answer(403, `{"error":"mfa_required","mfa_token":"Fe26.2*mfa*token&value"}`)
		c.LoginWithPassword(ctx, PasswordLogin{Username: "bob@example.com", Password: "hunter2-password"})
		rs.answer(200, `{"authenticator_type":"oob","barcode_uri":"otpauth://totp/T:u?enrollment_tx_id=ticket12345\u0026base_url=x","oob_channel":"auth0","oob_code":"oob-code-value-1","recovery_codes":["MZCRK3YX5V3AKNNYY6JEBQCL"]}`)
		c.Associate(ctx, "Fe26.2*mfa*token&value", PushEnrollment())
		rs.answer(200, `{"access_token":"eyJhbGciOi.access.sig","expires_in":600,"token_type":"Bearer","recovery_code":"NEWRECOVERYCODE12345678"}`)
		c.VerifyOTP(ctx, "Fe26.2*mfa*token&value", "654321")

		mu.Lock()
		for value, variable := range map[string]string{
			"client-secret-value": "AUTH0_CLIENT_SECRET", "hunter2-password": "PASSWORD",
			"Fe26.2*mfa*token&value": "MFA_TOKEN", "oob-code-value-1": "OOB_CODE",
			"otpauth://totp/T:u?enrollment_tx_id=ticket12345&base_url=x": "BARCODE_URI",
			"MZCRK3YX5V3AKNNYY6JEBQCL":                                   "RECOVERY_CODE", "654321": "OTP",
			"eyJhbGciOi.access.sig": "ACCESS_TOKEN", "NEWRECOVERYCODE12345678": "RECOVERY_CODE",
		} {
			if told[value] != variable {
				t.Errorf("reveal %v: %q told as %q, want %q", reveal, value, told[value], variable)
			}
		}
		mu.Unlock()
	}
}
