package conformance

import (
	"encoding/json"
	"net/http"
	"strings"
	"time"

	"github.com/mfapush/mfapush/auth0/sandbox"
)

// The scenarios of the factors that send a code (SMS, voice, email) and of
// the authenticator app, for testdata/factors.json.
func init() {
	for name, s := range factorScenarios {
		scenarios[name] = s
	}
}

const alicePhone = "+15555550100"

var factorScenarios = map[string]func(e *env) response{
	// POST /mfa/associate.
	"associate_sms_first": func(e *env) response {
		return e.associateCode(e.login(alice, "", "openid"), "sms", alicePhone)
	},
	"associate_voice_first": func(e *env) response {
		return e.associateCode(e.login(alice, "", "openid"), "voice", alicePhone)
	},
	"associate_email_first": func(e *env) response {
		return e.associateCode(e.login(alice, "", "openid"), "email", alice)
	},
	"associate_sms_enrolled_with_mfa_token": func(e *env) response {
		return e.associateCode(e.login(bob, "", "openid"), "sms", alicePhone)
	},
	"associate_sms_not_e164": func(e *env) response {
		return e.associateCode(e.login(alice, "", "openid"), "sms", "+1 555 555 0100")
	},
	"associate_sms_no_number": func(e *env) response {
		return e.associateCode(e.login(alice, "", "openid"), "sms", "")
	},
	// GET /mfa/authenticators.
	"list_phone_enrollment": func(e *env) response {
		mfa := e.enrollAlicePhone()
		return e.filtered(e.call(http.MethodGet, "/mfa/authenticators", mfa, nil), "sms|", "voice|")
	},
	"list_phone_twins": func(e *env) response {
		mfa := e.enrollAlicePhone()
		var list []authenticator
		e.must("list", e.call(http.MethodGet, "/mfa/authenticators", mfa, nil), &list)
		ids := map[string]string{}
		for _, a := range list {
			kind, id, _ := strings.Cut(a.ID, "|")
			ids[kind] = id
		}
		raw, _ := json.Marshal(map[string]bool{"same_id": ids["sms"] != "" && ids["sms"] == ids["voice"]})
		return response{status: http.StatusOK, header: http.Header{}, raw: raw}
	},
	"list_email_enrollment": func(e *env) response {
		mfa := e.login(alice, "", "openid")
		a := e.associateCode(mfa, "email", "user@example.com")
		e.must("confirm", e.binding(mfa, e.oobCode(a), e.lastMessage("email").Code), nil)
		return e.filtered(e.call(http.MethodGet, "/mfa/authenticators", mfa, nil), "email|")
	},

	// POST /mfa/challenge.
	"challenge_sms": func(e *env) response {
		mfa := e.enrollAlicePhone()
		return e.call(http.MethodPost, "/mfa/challenge", "", e.challengeBody(mfa, "oob", e.authenticatorID(mfa, "sms")))
	},
	"challenge_email": func(e *env) response {
		mfa := e.login(alice, "", "openid")
		e.must("confirm", e.binding(mfa, e.oobCode(e.associateCode(mfa, "email", alice)), e.lastMessage("email").Code), nil)
		return e.call(http.MethodPost, "/mfa/challenge", "", e.challengeBody(mfa, "oob", e.authenticatorID(mfa, "email")))
	},
	"challenge_twenty_first_email": func(e *env) response {
		mfa := e.login(alice, "", "openid")
		e.must("confirm", e.binding(mfa, e.oobCode(e.associateCode(mfa, "email", alice)), e.lastMessage("email").Code), nil) // the first
		id := e.authenticatorID(mfa, "email")
		for range 19 {
			e.must("email", e.call(http.MethodPost, "/mfa/challenge", "", e.challengeBody(mfa, "oob", id)), nil)
		}
		return e.call(http.MethodPost, "/mfa/challenge", "", e.challengeBody(mfa, "oob", id))
	},
	"challenge_eleventh_sms": func(e *env) response {
		mfa := e.enrollAlicePhone() // the first
		id := e.authenticatorID(mfa, "sms")
		for range 9 {
			e.must("sms", e.call(http.MethodPost, "/mfa/challenge", "", e.challengeBody(mfa, "oob", id)), nil)
		}
		return e.call(http.MethodPost, "/mfa/challenge", "", e.challengeBody(mfa, "oob", id))
	},

	// POST /oauth/token: the mfa-oob grant with a binding_code.
	"binding_right": func(e *env) response {
		mfa := e.login(alice, "", "openid profile")
		a := e.associateCode(mfa, "sms", alicePhone)
		return e.binding(mfa, e.oobCode(a), e.lastMessage("sms").Code)
	},
	"binding_wrong": func(e *env) response {
		mfa, oob, code := e.smsChallenge()
		return e.binding(mfa, oob, wrongCode(code))
	},
	"binding_missing": func(e *env) response {
		mfa, oob, _ := e.smsChallenge()
		return e.binding(mfa, oob, "")
	},
	"binding_reused": func(e *env) response {
		mfa, oob, code := e.smsChallenge()
		e.must("first use", e.binding(mfa, oob, code), nil)
		return e.binding(mfa, oob, code)
	},
	"binding_expired": func(e *env) response {
		_, oob, code := e.smsChallenge()
		e.clock.Advance(5*time.Minute + time.Second)
		return e.binding(e.login(alice, "", "openid"), oob, code)
	},
	"binding_after_ten_failures": func(e *env) response {
		mfa, oob, code := e.smsChallenge()
		for range 10 {
			e.binding(mfa, oob, wrongCode(code))
		}
		return e.binding(mfa, oob, code)
	},

	// What the user receives (through the control API: real messages come
	// through SMS, voice and email providers). The code and the tenant's
	// name are put back as Auth0's templates write them.
	"message_sms_enrollment": func(e *env) response {
		e.associateCode(e.login(alice, "", "openid"), "sms", alicePhone)
		return e.template(e.lastMessage("sms"))
	},
	"message_sms_verification": func(e *env) response {
		e.smsChallenge()
		return e.template(e.lastMessage("sms"))
	},
	"message_voice_enrollment": func(e *env) response {
		e.associateCode(e.login(alice, "", "openid"), "voice", alicePhone)
		return e.template(e.lastMessage("voice"))
	},
	"message_email_enrollment": func(e *env) response {
		e.associateCode(e.login(alice, "", "openid"), "email", alice)
		return e.template(e.lastMessage("email"))
	},

	// The authenticator app: an OTP enrollment confirmed with the code of
	// the phone's app account.
	"otp_enrollment_confirmed": func(e *env) response {
		mfa := e.login(alice, "", "openid profile")
		var as struct {
			BarcodeURI string `json:"barcode_uri"`
		}
		e.must("associate", e.call(http.MethodPost, "/mfa/associate", mfa, map[string]any{"authenticator_types": []string{"otp"}}), &as)
		var d struct {
			ID string `json:"id"`
		}
		e.must("scan", e.call(http.MethodPost, "/sandbox/devices", "", map[string]string{"barcode_uri": as.BarcodeURI}), &d)
		return e.otpGrant(mfa, e.otp(d.ID))
	},
}

func (e *env) associateCode(bearer, channel, address string) response {
	e.t.Helper()
	body := map[string]any{"authenticator_types": []string{"oob"}, "oob_channels": []string{channel}}
	switch {
	case address == "":
	case channel == "email":
		body["email"] = address
	default:
		body["phone_number"] = address
	}
	return e.call(http.MethodPost, "/mfa/associate", bearer, body)
}

func (e *env) oobCode(r response) string {
	e.t.Helper()
	var out struct {
		OOBCode string `json:"oob_code"`
	}
	e.must("oob_code", r, &out)
	return out.OOBCode
}

func (e *env) binding(mfaToken, oobCode, code string) response {
	e.t.Helper()
	return e.token("grant_type", "http://auth0.com/oauth/grant-type/mfa-oob", "mfa_token", mfaToken, "oob_code", oobCode, "binding_code", code)
}

// lastMessage is the newest message of the channel on the phone.
func (e *env) lastMessage(channel string) sandbox.Message {
	e.t.Helper()
	var list []sandbox.Message
	e.must("messages", e.call(http.MethodGet, "/sandbox/messages?channel="+channel, "", nil), &list)
	if len(list) == 0 {
		e.t.Fatalf("no %s message", channel)
	}
	return list[0]
}

// enrollAlicePhone enrolls alice's phone number by SMS and returns the
// mfa_token that did it.
func (e *env) enrollAlicePhone() string {
	e.t.Helper()
	mfa := e.login(alice, "", "openid")
	a := e.associateCode(mfa, "sms", alicePhone)
	e.must("confirm", e.binding(mfa, e.oobCode(a), e.lastMessage("sms").Code), nil)
	return mfa
}

// smsChallenge enrolls alice's phone, signs her in again and sends her a
// code by SMS: the mfa_token, the oob_code and the code.
func (e *env) smsChallenge() (mfaToken, oobCode, code string) {
	e.t.Helper()
	e.enrollAlicePhone()
	mfaToken = e.login(alice, "", "openid")
	r := e.call(http.MethodPost, "/mfa/challenge", "", e.challengeBody(mfaToken, "oob", e.authenticatorID(mfaToken, "sms")))
	return mfaToken, e.oobCode(r), e.lastMessage("sms").Code
}

// filtered keeps the entries of an authenticator list whose id starts
// with one of prefixes.
func (e *env) filtered(r response, prefixes ...string) response {
	e.t.Helper()
	var list []map[string]any
	e.must("list", r, &list)
	var kept []map[string]any
	for _, a := range list {
		id, _ := a["id"].(string)
		for _, p := range prefixes {
			if strings.HasPrefix(id, p) {
				kept = append(kept, a)
			}
		}
	}
	raw, _ := json.Marshal(kept)
	return response{status: r.status, header: r.header, raw: raw}
}

// template is a message with its code and the tenant's name written back
// as Auth0's templates' variables, the voice's dotted code as {{code}} too.
func (e *env) template(m sandbox.Message) response {
	spoken := strings.Join(strings.Split(m.Code, ""), ".")
	put := strings.NewReplacer(spoken, "{{code}}", m.Code, "{{code}}", "mfapush sandbox", "{{tenant.friendly_name}}")
	out := map[string]string{"text": put.Replace(m.Text)}
	if m.Subject != "" {
		out["subject"] = put.Replace(m.Subject)
	}
	raw, _ := json.Marshal(out)
	return response{status: http.StatusOK, header: http.Header{}, raw: raw}
}
