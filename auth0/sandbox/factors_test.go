package sandbox

import (
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"
)

func (s *sandbox) associateCode(bearer, channel, address string) answer {
	s.t.Helper()
	body := map[string]any{"authenticator_types": []string{"oob"}, "oob_channels": []string{channel}}
	switch channel {
	case "sms", "voice":
		body["phone_number"] = address
	case "email":
		if address != "" {
			body["email"] = address
		}
	}
	return s.call("POST", "/mfa/associate", bearer, body)
}

func (s *sandbox) verifyBinding(mfaToken, oobCode, code string) answer {
	s.t.Helper()
	f := map[string]string{"grant_type": grantMFAOOB, "mfa_token": mfaToken, "oob_code": oobCode}
	if code != "" {
		f["binding_code"] = code
	}
	return s.form("/oauth/token", client(f))
}

// lastMessage is the newest message on the phone, through the control API.
func (s *sandbox) lastMessage(query string) Message {
	s.t.Helper()
	a := s.call("GET", "/sandbox/messages"+query, "", nil)
	var list []Message
	decodeInto(s.t, a.raw, &list)
	if a.status != 200 || len(list) == 0 {
		s.t.Fatalf("messages%s: %d %s", query, a.status, a.raw)
	}
	return list[0]
}

func (s *sandbox) authenticators(bearer string) []authenticatorJSON {
	s.t.Helper()
	var list []authenticatorJSON
	decodeInto(s.t, s.call("GET", "/mfa/authenticators", bearer, nil).raw, &list)
	return list
}

func TestAliceEnrollsSMSWithTheCodeSentToHerPhone(t *testing.T) {
	s := startSandbox(t, Options{})
	alice := s.login("alice@example.com")
	a := s.associateCode(alice, "sms", "+15555550100")
	if a.status != 200 || a.str("authenticator_type") != "oob" || a.str("oob_channel") != "sms" || a.str("binding_method") != "prompt" ||
		!strings.HasPrefix(a.str("oob_code"), "Fe26.2*") || len(a.body["recovery_codes"].([]any)) != 1 || a.body["barcode_uri"] != nil {
		t.Fatalf("associate: %d %s", a.status, a.raw)
	}
	m := s.lastMessage("?channel=sms&user=alice@example.com")
	if m.To != "+15555550100" || m.Purpose != "enrollment" || !regexp.MustCompile(`^[0-9]{6}$`).MatchString(m.Code) ||
		m.Text != m.Code+" is your verification code for mfapush sandbox. Please enter this code to verify your enrollment." ||
		!m.ExpiresAt.Equal(start.Add(5*time.Minute)) || m.UserID == "" {
		t.Fatalf("the SMS: %+v", m)
	}
	list := s.authenticators(alice)
	if len(list) != 3 || list[0].ID[:4] != "sms|" || list[1].ID[:6] != "voice|" || list[0].ID[4:] != list[1].ID[6:] ||
		list[0].Name != "XXXXXXXX0100" || list[1].Name != "XXXXXXXX0100" || list[0].OOBChannel != "sms" || list[1].OOBChannel != "voice" || list[0].Active {
		t.Fatalf("pending list: %+v", list)
	}
	oob := a.str("oob_code")
	wantError(t, s.verifyBinding(alice, oob, ""), 400, "invalid_request", "binding_code is required")
	wrong := "000000"
	if m.Code == wrong {
		wrong = "111111"
	}
	wantError(t, s.verifyBinding(alice, oob, wrong), 403, "invalid_grant", "Invalid binding_code.")
	tokens := s.verifyBinding(alice, oob, m.Code) // a wrong code leaves the oob_code usable
	if tokens.status != 200 || tokens.str("access_token") == "" {
		t.Fatalf("right code: %d %s", tokens.status, tokens.raw)
	}
	wantError(t, s.verifyBinding(alice, oob, m.Code), 403, "invalid_grant", "Invalid oob_code.") // single use
	for _, a := range s.authenticators(alice) {
		if !a.Active {
			t.Errorf("%s not active after the confirmation", a.ID)
		}
	}
}

func TestVoiceAndEmailEnrollments(t *testing.T) {
	s := startSandbox(t, Options{})
	alice := s.login("alice@example.com")
	if a := s.associateCode(alice, "voice", "+442079460958"); a.status != 200 || a.str("oob_channel") != "voice" || a.str("binding_method") != "prompt" {
		t.Fatalf("voice: %d %s", a.status, a.raw)
	}
	call := s.lastMessage("?channel=voice")
	spoken := strings.Join(strings.Split(call.Code, ""), ".")
	if call.Text != "Hello. Your verification code for mfapush sandbox is "+spoken+". I repeat, your verification code is "+spoken {
		t.Errorf("the call's transcript: %q", call.Text)
	}
	// A new enrollment replaces the pending one; with no address, email
	// uses the user's own.
	e := s.associateCode(alice, "email", "")
	if e.status != 200 || e.str("oob_channel") != "email" || e.str("binding_method") != "prompt" {
		t.Fatalf("email: %d %s", e.status, e.raw)
	}
	mail := s.lastMessage("?channel=email")
	if mail.To != "alice@example.com" || mail.Subject == "" || !strings.Contains(mail.Text, mail.Code) {
		t.Errorf("the email: %+v", mail)
	}
	list := s.authenticators(alice)
	if len(list) != 2 || !strings.HasPrefix(list[0].ID, "email|dev_") || list[0].Name != "*****@exam*******" || list[0].OOBChannel != "email" {
		t.Fatalf("list: %+v", list)
	}
	if a := s.verifyBinding(alice, e.str("oob_code"), mail.Code); a.status != 200 {
		t.Fatalf("confirm: %d %s", a.status, a.raw)
	}
	// The voice enrollment it replaced is gone, its oob_code with it.
	if a := s.authenticators(alice); len(a) != 2 || !a[0].Active {
		t.Errorf("after the confirmation: %+v", a)
	}
}

// smsEnrolledAlice enrolls alice's phone number and returns an
// mfa_token of a new sign-in and the sms authenticator's id.
func smsEnrolledAlice(s *sandbox) (string, string) {
	s.t.Helper()
	alice := s.login("alice@example.com")
	a := s.associateCode(alice, "sms", "+15555550100")
	if r := s.verifyBinding(alice, a.str("oob_code"), s.lastMessage("?channel=sms").Code); r.status != 200 {
		s.t.Fatalf("enroll: %d %s", r.status, r.raw)
	}
	return s.login("alice@example.com"), s.authenticators(alice)[0].ID
}

func TestChallengeSendsACodeThatExpires(t *testing.T) {
	s := startSandbox(t, Options{})
	mfa, smsID := smsEnrolledAlice(s)
	voiceID := "voice|" + strings.TrimPrefix(smsID, "sms|")
	ch := s.challenge(mfa, map[string]string{"authenticator_id": voiceID})
	if ch.status != 200 || ch.str("challenge_type") != "oob" || ch.str("binding_method") != "prompt" || ch.str("oob_code") == "" || len(ch.body) != 3 {
		t.Fatalf("challenge: %d %s", ch.status, ch.raw)
	}
	call := s.lastMessage("?channel=voice")
	if call.Purpose != "verification" || !strings.HasPrefix(call.Text, "Hello. Your verification code for mfapush sandbox is ") {
		t.Errorf("the call: %+v", call)
	}
	// Without an id, oob picks the phone; oob_channel narrows it.
	s.challenge(mfa, map[string]string{"oob_channel": "sms"})
	if m := s.lastMessage(""); m.Channel != "sms" || m.Text != m.Code+" is your verification code for mfapush sandbox" {
		t.Errorf("the SMS: %+v", m)
	}
	s.clock.Advance(5*time.Minute + time.Second)
	mfa = s.login("alice@example.com") // the first mfa_token expired too
	wantError(t, s.verifyBinding(mfa, ch.str("oob_code"), call.Code), 403, "expired_token", "oob_code is expired")
}

func TestPhoneAndEmailMessagesAreLimited(t *testing.T) {
	s := startSandbox(t, Options{AssociationsPerMinute: 100})
	mfa, smsID := smsEnrolledAlice(s) // 1 of 10
	for i := range 9 {
		if a := s.challenge(mfa, map[string]string{"authenticator_id": smsID}); a.status != 200 {
			t.Fatalf("message %d: %d %s", i+2, a.status, a.raw)
		}
	}
	a := s.challenge(mfa, map[string]string{"authenticator_id": "voice|" + strings.TrimPrefix(smsID, "sms|")})
	wantError(t, a, 429, "invalid_request", "Too many SMS sent by the user. Wait for some minutes before retrying.")
	if a.header.Get("X-Ratelimit-Limit") != "10" || a.header.Get("Retry-After") == "" {
		t.Errorf("headers %v", a.header)
	}
	if n := len(s.Phone.Messages(MessageFilter{})); n != 10 {
		t.Errorf("%d messages, want 10: a refused one is not sent", n)
	}
	s.clock.Advance(time.Hour)
	mfa = s.login("alice@example.com")
	if a := s.challenge(mfa, map[string]string{"authenticator_id": smsID}); a.status != 200 {
		t.Errorf("an hour later: %d %s", a.status, a.raw)
	}

	// Email: 20, then one a minute.
	s.clock.Advance(time.Hour) // one more SMS, to pass MFA
	token := s.mfaAccessTokenFor("alice@example.com", func(mfa string) string {
		ch := s.challenge(mfa, map[string]string{"authenticator_id": smsID})
		return s.verifyBinding(mfa, ch.str("oob_code"), s.lastMessage("").Code).str("access_token")
	})
	for i := range 20 {
		if a := s.associateCode(token, "email", ""); a.status != 200 {
			t.Fatalf("email %d: %d %s", i+1, a.status, a.raw)
		}
	}
	wantError(t, s.associateCode(token, "email", ""), 429, "invalid_request", "Too many emails sent by the user. Wait for some minutes before retrying.")
	s.clock.Advance(time.Minute)
	if a := s.associateCode(token, "email", ""); a.status != 200 {
		t.Errorf("a minute later: %d %s", a.status, a.raw)
	}
}

// mfaAccessTokenFor signs email in for the MFA API with every scope and
// passes MFA with pass.
func (s *sandbox) mfaAccessTokenFor(email string, pass func(mfaToken string) string) string {
	s.t.Helper()
	token := pass(s.login(email, "openid enroll read:authenticators remove:authenticators", s.URL+"/mfa/"))
	if token == "" {
		s.t.Fatal("no access token")
	}
	return token
}

func TestWrongBindingCodesSpendTheFailureBudget(t *testing.T) {
	s := startSandbox(t, Options{})
	mfa, smsID := smsEnrolledAlice(s)
	ch := s.challenge(mfa, map[string]string{"authenticator_id": smsID})
	code := s.lastMessage("").Code
	wrong := "000000"
	if code == wrong {
		wrong = "111111"
	}
	for range 10 {
		wantError(t, s.verifyBinding(mfa, ch.str("oob_code"), wrong), 403, "invalid_grant", "Invalid binding_code.")
	}
	a := s.verifyBinding(mfa, ch.str("oob_code"), code)
	wantError(t, a, 429, "too_many_attempts", "Too many failed codes. Wait for some minutes before retrying.")
	// The budget is the user's: OTP codes share it.
	wantError(t, s.form("/oauth/token", client(map[string]string{"grant_type": grantMFAOTP, "mfa_token": mfa, "otp": "123456"})), 429, "too_many_attempts", "")
	s.clock.Advance(6 * time.Minute) // one more try every 6 minutes
	mfa = s.login("alice@example.com")
	ch = s.challenge(mfa, map[string]string{"authenticator_id": smsID})
	if a := s.verifyBinding(mfa, ch.str("oob_code"), s.lastMessage("").Code); a.status != 200 {
		t.Errorf("6 minutes later: %d %s", a.status, a.raw)
	}
}

func TestAuthenticatorAppOnThePhone(t *testing.T) {
	s := startSandbox(t, Options{})
	alice := s.login("alice@example.com")
	a := s.call("POST", "/mfa/associate", alice, map[string]any{"authenticator_types": []string{"otp"}})
	if a.status != 200 || a.str("secret") == "" {
		t.Fatalf("associate: %d %s", a.status, a.raw)
	}
	scan := s.call("POST", "/sandbox/devices", "", map[string]string{"barcode_uri": a.str("barcode_uri")})
	if scan.status != 201 || scan.str("kind") != "otp" || !strings.HasPrefix(scan.str("id"), "otp_") ||
		scan.str("name") != "mfapush sandbox (alice@example.com)" || scan.str("user_id") != s.Tenant.Users()[0].UserID {
		t.Fatalf("scan: %d %s", scan.status, scan.raw)
	}
	otp := s.call("GET", "/sandbox/devices/"+scan.str("id")+"/otp", "", nil)
	if otp.status != 200 || len(otp.str("otp")) != 6 {
		t.Fatalf("otp: %d %s", otp.status, otp.raw)
	}
	tokens := s.form("/oauth/token", client(map[string]string{"grant_type": grantMFAOTP, "mfa_token": alice, "otp": otp.str("otp")}))
	if tokens.status != 200 {
		t.Fatalf("confirm: %d %s", tokens.status, tokens.raw)
	}
	// Scanning the same account again replaces it.
	s.call("POST", "/sandbox/devices", "", map[string]string{"barcode_uri": a.str("barcode_uri"), "name": "Authenticator"})
	n := 0
	for _, d := range s.Phone.Devices() {
		if d.Kind == DeviceAuthenticatorApp {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d app accounts after scanning one account twice", n)
	}
	// Bob's Guardian device shows as before: no kind.
	if d := s.call("GET", "/sandbox/devices", "", nil); !strings.Contains(string(d.raw), `"name":"Bob's phone"}`) {
		t.Errorf("devices: %s", d.raw)
	}
}

func TestMessagesEndpointFiltersAndBounds(t *testing.T) {
	s := startSandbox(t, Options{PhoneMessages: 1000})
	mfa, smsID := smsEnrolledAlice(s)
	for range inboxSize + 5 {
		s.challenge(mfa, map[string]string{"authenticator_id": smsID})
	}
	all := s.Phone.Messages(MessageFilter{})
	if len(all) != inboxSize {
		t.Fatalf("%d messages kept, want %d", len(all), inboxSize)
	}
	if all[0].SentAt.Before(all[len(all)-1].SentAt) || all[0].Purpose != "verification" {
		t.Errorf("not newest first")
	}
	for _, c := range []struct {
		query string
		n     int
	}{{"?user=alice@example.com", inboxSize}, {"?user=bob@example.com", 0}, {"?channel=email", 0}, {"?to=%2B15555550100", inboxSize}, {"?user=" + s.Tenant.Users()[0].UserID, inboxSize}} {
		var list []Message
		a := s.call("GET", "/sandbox/messages"+c.query, "", nil)
		decodeInto(t, a.raw, &list)
		if a.status != 200 || len(list) != c.n {
			t.Errorf("%s: %d, %d messages, want %d", c.query, a.status, len(list), c.n)
		}
	}
	wantError(t, s.call("GET", "/sandbox/messages?channel=fax", "", nil), 400, "invalid_request", "")
	if a := s.call("POST", "/sandbox/messages", "", map[string]string{}); a.status != http.StatusMethodNotAllowed {
		t.Errorf("POST: %d", a.status)
	}
}

func TestDeletingSMSDeletesItsVoiceTwin(t *testing.T) {
	s := startSandbox(t, Options{})
	_, smsID := smsEnrolledAlice(s)
	token := s.mfaAccessTokenFor("alice@example.com", func(mfa string) string {
		ch := s.challenge(mfa, map[string]string{"authenticator_id": smsID})
		return s.verifyBinding(mfa, ch.str("oob_code"), s.lastMessage("").Code).str("access_token")
	})
	if a := s.call("DELETE", "/mfa/authenticators/"+strings.ReplaceAll(smsID, "|", "%7C"), token, nil); a.status != 204 {
		t.Fatalf("delete: %d %s", a.status, a.raw)
	}
	for _, a := range s.authenticators(token) {
		if a.OOBChannel == "sms" || a.OOBChannel == "voice" {
			t.Errorf("%s survived", a.ID)
		}
	}
}

// factorsOf is a demo user's confirmed factors, as the home screen reads them.
func factorsOf(t *testing.T, tenant *Tenant, email string) string {
	t.Helper()
	for _, u := range tenant.Users() {
		if u.Email == email {
			return strings.Join(u.Factors, " ")
		}
	}
	t.Fatalf("no demo user %s", email)
	return ""
}

// The demo users' summary follows what they confirm and delete.
func TestDemoUsersListTheirConfirmedFactors(t *testing.T) {
	s := startSandbox(t, Options{})
	if got := factorsOf(t, s.Tenant, "bob@example.com"); got != "push otp recovery-code" {
		t.Errorf("bob: %q", got)
	}
	alice := s.login("alice@example.com")
	a := s.associateCode(alice, "sms", "+15555550100")
	if got := factorsOf(t, s.Tenant, "alice@example.com"); got != "" {
		t.Errorf("alice with a pending SMS: %q", got)
	}
	m := s.lastMessage("?channel=sms&user=alice@example.com")
	if tokens := s.verifyBinding(alice, a.str("oob_code"), m.Code); tokens.status != 200 {
		t.Fatalf("confirm: %d %s", tokens.status, tokens.raw)
	}
	if got := factorsOf(t, s.Tenant, "alice@example.com"); got != "sms voice recovery-code" {
		t.Errorf("alice after her SMS: %q", got)
	}
}
