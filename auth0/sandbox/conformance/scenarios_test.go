package conformance

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/url"
	"time"
)

// scenarios drive a fresh sandbox into one situation and return the answer
// the facts about that situation are checked against. Each is named in the
// facts' "scenario" field.
var scenarios = map[string]func(e *env) response{
	// POST /oauth/token: the password grant.
	"password_enrolled_user": func(e *env) response {
		return e.token("grant_type", "password", "username", bob, "password", password(bob), "scope", "openid profile")
	},
	"password_unenrolled_user": func(e *env) response {
		return e.token("grant_type", "password", "username", alice, "password", password(alice), "scope", "openid profile")
	},
	"password_wrong_password": func(e *env) response {
		return e.token("grant_type", "password", "username", bob, "password", "not-bobs-password")
	},
	"password_bad_client_secret": func(e *env) response {
		v := url.Values{"client_id": {clientID}, "client_secret": {"not-the-secret"}, "grant_type": {"password"}, "username": {bob}, "password": {password(bob)}}
		return e.do(http.MethodPost, "/oauth/token", http.Header{"Content-Type": {"application/x-www-form-urlencoded"}}, []byte(v.Encode()))
	},
	"unsupported_grant": func(e *env) response {
		return e.token("grant_type", "urn:example:no-such-grant")
	},
	"missing_grant_type": func(e *env) response {
		return e.token("username", bob)
	},

	// POST /oauth/token: the mfa-oob grant.
	"oob_pending": func(e *env) response {
		return e.poll(e.bobPush())
	},
	"oob_rejected": func(e *env) response {
		mfa, oob := e.bobPush()
		e.answer("reject")
		return e.poll(mfa, oob)
	},
	"oob_approved": func(e *env) response {
		mfa, oob := e.bobPush()
		e.answer("approve")
		return e.poll(mfa, oob)
	},
	"oob_enrollment_confirmed_mfa_audience": func(e *env) response {
		mfa := e.login(alice, e.mfaAudience(), "openid enroll read:authenticators remove:authenticators")
		barcode, oob := e.associatePush(mfa)
		e.must("scan", e.call(http.MethodPost, "/sandbox/devices", "", map[string]string{"barcode_uri": barcode, "name": "Alice's phone"}), nil)
		return e.poll(mfa, oob)
	},
	"oob_poll_too_fast": func(e *env) response {
		mfa, oob := e.bobPush()
		e.poll(mfa, oob)
		e.clock.Advance(time.Second)
		return e.poll(mfa, oob)
	},
	"oob_thirteenth_poll_same_code": func(e *env) response {
		mfa, oob := e.bobPush()
		e.pollTimes(12, mfa, oob)
		return e.poll(mfa, oob)
	},
	"oob_thirteenth_poll_new_code": func(e *env) response {
		mfa, oob := e.bobPush()
		e.pollTimes(12, mfa, oob)
		return e.poll(mfa, e.challengePush(mfa))
	},
	"oob_unknown_code": func(e *env) response {
		return e.poll(e.login(bob, "", "openid profile"), "Fe26.2*not-an-oob-code")
	},

	// POST /oauth/token: the mfa-otp and mfa-recovery-code grants.
	"otp_current_step": func(e *env) response {
		mfa := e.login(bob, "", "openid profile")
		return e.otpGrant(mfa, e.otp(e.bobDevice()))
	},
	"otp_previous_step": func(e *env) response {
		mfa := e.login(bob, "", "openid profile")
		code := e.otp(e.bobDevice())
		e.clock.Advance(30 * time.Second)
		return e.otpGrant(mfa, code)
	},
	"otp_next_step": func(e *env) response {
		mfa := e.login(bob, "", "openid profile")
		now := e.clock.Now()
		e.clock.Advance(30 * time.Second)
		code := e.otp(e.bobDevice())
		e.clock.Set(now)
		return e.otpGrant(mfa, code)
	},
	"otp_wrong_code": func(e *env) response {
		mfa := e.login(bob, "", "openid profile")
		return e.otpGrant(mfa, wrongCode(e.otp(e.bobDevice())))
	},
	"otp_after_ten_failures": func(e *env) response {
		mfa := e.login(bob, "", "openid profile")
		code := e.otp(e.bobDevice())
		for range 10 {
			e.otpGrant(mfa, wrongCode(code))
		}
		return e.otpGrant(mfa, code)
	},
	"recovery_code_valid": func(e *env) response {
		mfa := e.login(bob, "", "openid profile")
		return e.token("grant_type", "http://auth0.com/oauth/grant-type/mfa-recovery-code", "mfa_token", mfa, "recovery_code", e.recoveryCode(bob))
	},
	"recovery_code_wrong": func(e *env) response {
		mfa := e.login(bob, "", "openid profile")
		return e.token("grant_type", "http://auth0.com/oauth/grant-type/mfa-recovery-code", "mfa_token", mfa, "recovery_code", "AAAAAAAAAAAAAAAAAAAAAAAA")
	},
	"mfa_token_malformed": func(e *env) response {
		return e.otpGrant("not-an-mfa-token", "123456")
	},
	"mfa_token_expired": func(e *env) response {
		mfa := e.login(bob, "", "openid profile")
		e.clock.Advance(5*time.Minute + time.Second)
		return e.otpGrant(mfa, e.otp(e.bobDevice()))
	},

	// POST /mfa/associate.
	"associate_push_first": func(e *env) response {
		return e.call(http.MethodPost, "/mfa/associate", e.login(alice, "", "openid"), pushAssociate)
	},
	"associate_otp_first": func(e *env) response {
		return e.call(http.MethodPost, "/mfa/associate", e.login(alice, "", "openid"), map[string]any{"authenticator_types": []string{"otp"}})
	},
	"associate_enrolled_with_mfa_token": func(e *env) response {
		return e.call(http.MethodPost, "/mfa/associate", e.login(bob, "", "openid"), pushAssociate)
	},
	"associate_no_bearer": func(e *env) response {
		return e.call(http.MethodPost, "/mfa/associate", "", pushAssociate)
	},
	"associate_without_enroll_scope": func(e *env) response {
		return e.call(http.MethodPost, "/mfa/associate", e.mfaAccessToken("openid read:authenticators"), pushAssociate)
	},

	// GET /mfa/authenticators.
	"list_enrolled_user": func(e *env) response {
		return e.call(http.MethodGet, "/mfa/authenticators", e.login(bob, "", "openid"), nil)
	},
	"list_pending_push": func(e *env) response {
		mfa := e.login(alice, "", "openid")
		e.associatePush(mfa)
		return e.call(http.MethodGet, "/mfa/authenticators", mfa, nil)
	},
	"list_no_bearer": func(e *env) response {
		return e.call(http.MethodGet, "/mfa/authenticators", "", nil)
	},

	// DELETE /mfa/authenticators/{id}.
	"delete_with_access_token": func(e *env) response {
		token := e.mfaAccessToken("openid remove:authenticators")
		id := e.authenticatorID(e.login(bob, "", "openid"), "push")
		return e.call(http.MethodDelete, "/mfa/authenticators/"+url.PathEscape(id), token, nil)
	},
	"delete_with_mfa_token": func(e *env) response {
		mfa := e.login(bob, "", "openid")
		return e.call(http.MethodDelete, "/mfa/authenticators/"+url.PathEscape(e.authenticatorID(mfa, "push")), mfa, nil)
	},
	"delete_recovery_code": func(e *env) response {
		token := e.mfaAccessToken("openid remove:authenticators")
		id := e.authenticatorID(e.login(bob, "", "openid"), "recovery-code")
		return e.call(http.MethodDelete, "/mfa/authenticators/"+url.PathEscape(id), token, nil)
	},
	"delete_unknown": func(e *env) response {
		return e.call(http.MethodDelete, "/mfa/authenticators/push%7Cdev_AAAAAAAAAAAAAAAA", e.mfaAccessToken("openid remove:authenticators"), nil)
	},

	// POST /mfa/challenge.
	"challenge_push": func(e *env) response {
		mfa := e.login(bob, "", "openid")
		return e.call(http.MethodPost, "/mfa/challenge", "", e.challengeBody(mfa, "oob", e.authenticatorID(mfa, "push")))
	},
	"challenge_otp": func(e *env) response {
		mfa := e.login(bob, "", "openid")
		return e.call(http.MethodPost, "/mfa/challenge", "", e.challengeBody(mfa, "otp", e.authenticatorID(mfa, "totp")))
	},
	"challenge_unenrolled_user": func(e *env) response {
		return e.call(http.MethodPost, "/mfa/challenge", "", e.challengeBody(e.login(alice, "", "openid"), "oob", ""))
	},
	"challenge_sixth_push": func(e *env) response {
		mfa := e.login(bob, "", "openid")
		id := e.authenticatorID(mfa, "push")
		for range 5 {
			e.must("push", e.call(http.MethodPost, "/mfa/challenge", "", e.challengeBody(mfa, "oob", id)), nil)
		}
		return e.call(http.MethodPost, "/mfa/challenge", "", e.challengeBody(mfa, "oob", id))
	},
	"challenge_missing_mfa_token": func(e *env) response {
		return e.call(http.MethodPost, "/mfa/challenge", "", map[string]string{"client_id": clientID, "challenge_type": "oob"})
	},
	"challenge_access_token_as_mfa_token": func(e *env) response {
		return e.call(http.MethodPost, "/mfa/challenge", "", e.challengeBody(e.mfaAccessToken("enroll read:authenticators"), "oob", ""))
	},
	"challenge_expired_mfa_token": func(e *env) response {
		mfa := e.login(bob, "", "openid")
		id := e.authenticatorID(mfa, "push")
		e.clock.Advance(5*time.Minute + time.Second)
		return e.call(http.MethodPost, "/mfa/challenge", "", e.challengeBody(mfa, "oob", id))
	},

	// The Guardian device API: enroll.
	"enroll_device": func(e *env) response {
		barcode, _ := e.associatePush(e.login(alice, "", "openid"))
		return e.enrollRaw(e.ticket(barcode), deviceBody())
	},
	"enroll_unknown_ticket": func(e *env) response {
		return e.enrollRaw("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", deviceBody())
	},
	"enroll_expired_ticket": func(e *env) response {
		barcode, _ := e.associatePush(e.login(alice, "", "openid"))
		e.clock.Advance(5*time.Minute + time.Second)
		return e.enrollRaw(e.ticket(barcode), deviceBody())
	},
	"enroll_used_ticket": func(e *env) response {
		barcode, _ := e.associatePush(e.login(alice, "", "openid"))
		e.must("first enroll", e.enrollRaw(e.ticket(barcode), deviceBody()), nil)
		return e.enrollRaw(e.ticket(barcode), deviceBody())
	},
	"enroll_ec_key": func(e *env) response {
		barcode, _ := e.associatePush(e.login(alice, "", "openid"))
		body := deviceBody()
		body["public_key"] = ecJWK()
		return e.enrollRaw(e.ticket(barcode), body)
	},
	"enroll_without_ticket": func(e *env) response {
		return e.enrollRaw("", deviceBody())
	},
	"enroll_wrong_method": func(e *env) response {
		return e.do(http.MethodGet, "/appliance-mfa/api/enroll", nil, nil)
	},

	// The Guardian device API: resolve-transaction.
	"resolve_by_phone": func(e *env) response {
		mfa := e.login(bob, "", "openid")
		e.challengePush(mfa)
		e.answer("approve")
		return e.logged("/appliance-mfa/api/resolve-transaction")
	},
	"resolve_unknown_transaction": func(e *env) response {
		mfa := e.login(bob, "", "openid")
		e.challengePush(mfa)
		n := e.lastNotification()
		return e.resolveRaw("not-a-transaction-token", e.strangerResponse(n))
	},
	"resolve_bad_signature": func(e *env) response {
		mfa := e.login(bob, "", "openid")
		e.challengePush(mfa)
		n := e.lastNotification()
		return e.resolveRaw(n.Payload.TransactionToken, e.strangerResponse(n))
	},
	"resolve_expired_transaction": func(e *env) response {
		mfa := e.login(bob, "", "openid")
		e.challengePush(mfa)
		n := e.lastNotification()
		e.clock.Advance(5*time.Minute + time.Second)
		return e.resolveRaw(n.Payload.TransactionToken, e.strangerResponse(n))
	},
	"resolve_answered_transaction": func(e *env) response {
		mfa := e.login(bob, "", "openid")
		e.challengePush(mfa)
		n := e.lastNotification()
		e.answer("approve")
		return e.resolveRaw(n.Payload.TransactionToken, e.strangerResponse(n))
	},

	// The Guardian device API: device accounts.
	"device_delete": func(e *env) response {
		barcode, _ := e.associatePush(e.login(alice, "", "openid"))
		d := e.ownDevice(barcode)
		return e.call(http.MethodDelete, "/appliance-mfa/api/device-accounts/"+d.ID, d.Token, nil)
	},
	"device_delete_unknown": func(e *env) response {
		return e.call(http.MethodDelete, "/appliance-mfa/api/device-accounts/dev_AAAAAAAAAAAAAAAA", "some-token", nil)
	},
	"device_patch": func(e *env) response {
		barcode, _ := e.associatePush(e.login(alice, "", "openid"))
		d := e.ownDevice(barcode)
		return e.call(http.MethodPatch, "/appliance-mfa/api/device-accounts/"+d.ID, d.Token,
			map[string]any{"push_credentials": map[string]string{"service": "GCM", "token": "a-new-push-token"}})
	},
	"guardian_unknown_path": func(e *env) response {
		return e.do(http.MethodGet, "/appliance-mfa/api/no-such-endpoint", nil, nil)
	},

	// Push delivery.
	"push_to_phone_device": func(e *env) response {
		mfa := e.login(bob, "", "openid")
		e.challengePush(mfa)
		raw, err := json.Marshal(e.lastNotification().Payload)
		if err != nil {
			e.t.Fatal(err)
		}
		return response{status: http.StatusOK, header: http.Header{}, raw: raw}
	},
	"push_to_other_client_device": func(e *env) response {
		_, delivered := e.otherClientPush()
		raw, _ := json.Marshal(map[string]bool{"delivered": delivered != nil})
		return response{status: http.StatusOK, header: http.Header{}, raw: raw}
	},
	"push_payload_to_other_client_device": func(e *env) response {
		_, n := e.otherClientPush()
		if n == nil {
			e.t.Fatal("the push to the other client's device is not listed")
		}
		raw, err := json.Marshal(n.Payload)
		if err != nil {
			e.t.Fatal(err)
		}
		return response{status: http.StatusOK, header: http.Header{}, raw: raw}
	},

	// Discovery and the rest.
	"openid_configuration": func(e *env) response {
		return e.do(http.MethodGet, "/.well-known/openid-configuration", nil, nil)
	},
	"jwks": func(e *env) response {
		return e.do(http.MethodGet, "/.well-known/jwks.json", nil, nil)
	},
	"unknown_path": func(e *env) response {
		return e.do(http.MethodGet, "/no/such/endpoint", nil, nil)
	},
	"token_wrong_method": func(e *env) response {
		return e.do(http.MethodGet, "/oauth/token", nil, nil)
	},
}

// wrongCode is a six-digit code other than code.
func wrongCode(code string) string {
	if code == "000000" {
		return "111111"
	}
	return "000000"
}

// ecJWK is an EC P-256 public key as a JWK, as an ES256 device would send.
func ecJWK() map[string]string {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		panic(err)
	}
	pub, err := key.PublicKey.Bytes() // 0x04 || X || Y
	if err != nil {
		panic(err)
	}
	return map[string]string{
		"kty": "EC", "crv": "P-256", "use": "sig", "alg": "ES256",
		"x": base64.RawURLEncoding.EncodeToString(pub[1:33]),
		"y": base64.RawURLEncoding.EncodeToString(pub[33:]),
	}
}
