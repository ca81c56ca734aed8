package auth0_test

import (
	"errors"
	"testing"
	"time"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/auth0/sandbox"
)

// lastCode is the code of the newest message the sandbox sent on channel.
func (s *session) lastCode(channel string) string {
	s.t.Helper()
	msgs := s.srv.Phone.Messages(sandbox.MessageFilter{Channel: channel})
	if len(msgs) == 0 {
		s.t.Fatalf("no %s message", channel)
	}
	return msgs[0].Code
}

func TestAliceEnrollsAndUsesHerPhone(t *testing.T) {
	s := newSession(t)
	mfaToken := s.login("alice@example.com", "alice-password")
	phone, err := auth0.ParsePhoneNumber("+1 (555) 555-0100")
	if err != nil {
		t.Fatal(err)
	}
	as, err := s.client.Associate(ctx, mfaToken, auth0.SMSEnrollment(phone))
	if err != nil || !as.NeedsBindingCode() || as.OOBChannel != auth0.ChannelSMS || as.OOBCode == "" || len(as.RecoveryCodes) != 1 {
		t.Fatalf("association %+v, %v", as, err)
	}
	// A wrong code is an invalid code, never a rejection; the oob_code
	// stays usable.
	_, err = s.client.VerifyOOB(ctx, mfaToken, as.OOBCode, "000000")
	e, ok := auth0.AsError(err)
	if !ok || !e.InvalidCode() || e.Rejected() || auth0.OutcomeOf(err) != auth0.OutcomeFatal {
		t.Fatalf("wrong code: %v", err)
	}
	code, err := auth0.NormalizeBindingCode(s.lastCode("sms"))
	if err != nil {
		t.Fatal(err)
	}
	tokens, err := s.client.VerifyOOB(ctx, mfaToken, as.OOBCode, code)
	if err != nil || tokens.AccessToken == "" {
		t.Fatalf("right code: %+v %v", tokens, err)
	}
	list, err := s.client.ListAuthenticators(ctx, tokens.AccessToken)
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[auth0.Kind]auth0.Authenticator{}
	for _, a := range list {
		kinds[a.Kind()] = a
	}
	sms, voice := kinds[auth0.KindSMS], kinds[auth0.KindVoice]
	if !sms.Active || !voice.Active || sms.Name != "XXXXXXXX0100" || voice.Name != sms.Name || sms.EnrollmentID() != voice.EnrollmentID() {
		t.Fatalf("list %+v", list)
	}

	// A sign-in answered by voice call: the transcript's dotted code
	// normalizes to the binding code.
	mfaToken = s.login("alice@example.com", "alice-password")
	ch, err := s.client.Challenge(ctx, auth0.ChallengeRequest{MFAToken: mfaToken, ChallengeType: auth0.KindVoice.ChallengeType(), AuthenticatorID: voice.ID})
	if err != nil || !ch.NeedsBindingCode() {
		t.Fatalf("challenge %+v, %v", ch, err)
	}
	call := s.srv.Phone.Messages(sandbox.MessageFilter{Channel: "voice"})[0]
	spoken := call.Text[len(call.Text)-len("1.2.3.4.5.6."):] // "…I repeat, your code is: 1.2.3.4.5.6."
	code, err = auth0.NormalizeBindingCode(spoken)
	if err != nil || code != call.Code {
		t.Fatalf("%q normalized to %q, %v", spoken, code, err)
	}
	if _, err := s.client.VerifyOOB(ctx, mfaToken, ch.OOBCode, code); err != nil {
		t.Fatal(err)
	}
}

func TestAliceEnrollsEmailWithHerOwnAddress(t *testing.T) {
	s := newSession(t)
	mfaToken := s.login("alice@example.com", "alice-password")
	as, err := s.client.Associate(ctx, mfaToken, auth0.EmailEnrollment(""))
	if err != nil || !as.NeedsBindingCode() || as.OOBChannel != auth0.ChannelEmail {
		t.Fatalf("association %+v, %v", as, err)
	}
	msgs := s.srv.Phone.Messages(sandbox.MessageFilter{Channel: "email"})
	if len(msgs) != 1 || msgs[0].To != "alice@example.com" {
		t.Fatalf("mailbox %+v", msgs)
	}
	if _, err := s.client.VerifyOOB(ctx, mfaToken, as.OOBCode, msgs[0].Code); err != nil {
		t.Fatal(err)
	}
}

func TestMalformedPhoneNumbersAndAddressesAreNotSent(t *testing.T) {
	s := newSession(t)
	mfaToken := s.login("alice@example.com", "alice-password")
	before := len(s.srv.Requests("/mfa/associate"))
	for _, req := range []auth0.AssociateRequest{
		{AuthenticatorTypes: []string{"oob"}, OOBChannels: []string{"sms"}, PhoneNumber: "555 0100"},
		{AuthenticatorTypes: []string{"oob"}, OOBChannels: []string{"voice"}},
		auth0.EmailEnrollment("alice"),
	} {
		_, err := s.client.Associate(ctx, mfaToken, req)
		var pe *auth0.PhoneNumberError
		var ee *auth0.EmailError
		if !errors.As(err, &pe) && !errors.As(err, &ee) {
			t.Errorf("%+v: %v, want a typed input error", req, err)
		}
	}
	if n := len(s.srv.Requests("/mfa/associate")) - before; n != 0 {
		t.Errorf("%d requests sent", n)
	}
	// A number typed as people type it goes out in E.164 form.
	if _, err := s.client.Associate(ctx, mfaToken, auth0.AssociateRequest{AuthenticatorTypes: []string{"oob"}, OOBChannels: []string{"sms"}, PhoneNumber: "+44 20 7946 0958"}); err != nil {
		t.Fatal(err)
	}
	if m := s.srv.Phone.Messages(sandbox.MessageFilter{})[0]; m.To != "+442079460958" {
		t.Errorf("sent to %q", m.To)
	}
}

func TestTooManyMessagesAndFailedCodesAreTold(t *testing.T) {
	s := newSession(t)
	mfaToken := s.login("alice@example.com", "alice-password")
	as, err := s.client.Associate(ctx, mfaToken, auth0.SMSEnrollment("+15555550100"))
	if err != nil {
		t.Fatal(err)
	}
	for range 10 {
		s.client.VerifyOOB(ctx, mfaToken, as.OOBCode, "000000")
	}
	_, err = s.client.VerifyOOB(ctx, mfaToken, as.OOBCode, s.lastCode("sms"))
	if e, ok := auth0.AsError(err); !ok || !e.TooManyAttempts() || e.AccountBlocked() || e.Outcome != auth0.OutcomeRateLimited {
		t.Fatalf("after 10 wrong codes: %v", err)
	}
	for range 9 {
		s.srv.Clock.Advance(7 * time.Second) // under the 10 enrollments a minute
		s.client.Associate(ctx, mfaToken, auth0.SMSEnrollment("+15555550100"))
	}
	_, err = s.client.Associate(ctx, mfaToken, auth0.SMSEnrollment("+15555550100"))
	if e, ok := auth0.AsError(err); !ok || !e.TooManyMessages() || e.Outcome != auth0.OutcomeRateLimited || e.RateLimit.Limit != 10 {
		t.Fatalf("the 11th SMS: %v %+v", err, e)
	}
}
