package auth0

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Client-Initiated Backchannel Authentication (CIBA): an application asks
// Auth0 to send a push to a user's enrolled phone (POST /bc-authorize), then
// polls the token endpoint with the CIBA grant until the user answers, as a
// helpdesk does to check that a caller holds the account's phone.

// GrantCIBA is the CIBA grant of the token endpoint.
const GrantCIBA = "urn:openid:params:grant-type:ciba"

// CIBA's documented bounds: Auth0 answers every request with an expiry of
// 300 seconds or less on the push channel (a longer one goes by email), and
// polls about every 5 seconds.
const (
	DefaultBackchannelExpiry   = 300 * time.Second
	MaxPushBackchannelExpiry   = 300 * time.Second
	DefaultBackchannelInterval = 5 * time.Second
	// MaxBindingMessage is the longest binding message Auth0 takes, in characters.
	MaxBindingMessage = 64
)

// bindingMessageExtra are the characters besides letters and digits a
// binding message may hold.
const bindingMessageExtra = "+-_.,:#"

// BindingMessageError says why a binding message would be refused.
type BindingMessageError struct {
	Empty   bool
	TooLong bool // over MaxBindingMessage characters
	Bad     rune // the first character not allowed, when neither of the above
}

func (e *BindingMessageError) Error() string {
	switch {
	case e.Empty:
		return "the binding message is empty: Auth0 requires one, such as Helpdesk-4821"
	case e.TooLong:
		return fmt.Sprintf("the binding message is over %d characters", MaxBindingMessage)
	}
	return fmt.Sprintf("the binding message holds %q: use letters, digits and %s only (no spaces)", e.Bad, bindingMessageExtra)
}

// CheckBindingMessage checks a binding message against Auth0's rule: up to
// 64 characters, letters, digits and +-_.,:# only, so that a message is
// refused here with a reason rather than by the tenant.
func CheckBindingMessage(m string) error {
	switch {
	case m == "":
		return &BindingMessageError{Empty: true}
	case utf8.RuneCountInString(m) > MaxBindingMessage:
		return &BindingMessageError{TooLong: true}
	}
	for _, r := range m {
		if !isASCIIAlnum(r) && !strings.ContainsRune(bindingMessageExtra, r) {
			return &BindingMessageError{Bad: r}
		}
	}
	return nil
}

func isASCIIAlnum(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
}

// BackchannelRequest asks for a push to a user's phone.
type BackchannelRequest struct {
	UserID         string // the user's id, e.g. auth0|65f…
	BindingMessage string // shown on the phone and read aloud; see CheckBindingMessage
	// Scope must hold openid; empty means "openid".
	Scope    string
	Audience string
	// RequestedExpiry is how long the request may wait for an answer;
	// zero leaves Auth0's default (300 s). Over 300 s Auth0 sends an email
	// instead of a push.
	RequestedExpiry time.Duration
}

// BackchannelAuthorization is Auth0's answer to /bc-authorize: the
// request to poll for, how long it lives and how often to ask.
type BackchannelAuthorization struct {
	AuthReqID string
	ExpiresIn time.Duration
	Interval  time.Duration // DefaultBackchannelInterval when the answer gave none
}

// LoginHint is the login_hint that names a user for CIBA: the iss_sub
// format, with the tenant's issuer (its URL and a trailing slash).
func (c *Client) LoginHint(userID string) string {
	b, _ := json.Marshal(struct {
		Format string `json:"format"`
		Iss    string `json:"iss"`
		Sub    string `json:"sub"`
	}{"iss_sub", c.Issuer(), userID})
	return string(b)
}

// Issuer is the tenant's issuer: its URL followed by a slash.
func (c *Client) Issuer() string { return c.base.String() + "/" }

// BackchannelAuthorize starts a CIBA request: Auth0 sends a push, showing
// the binding message, to the user's enrolled phone. Poll the answer's
// AuthReqID with PollBackchannel every Interval until ExpiresIn has passed.
func (c *Client) BackchannelAuthorize(ctx context.Context, req BackchannelRequest) (*BackchannelAuthorization, error) {
	const op = "POST /bc-authorize"
	if err := CheckBindingMessage(req.BindingMessage); err != nil {
		return nil, &Error{Op: op, Outcome: OutcomeFatal, Err: err}
	}
	if strings.TrimSpace(req.UserID) == "" {
		return nil, &Error{Op: op, Outcome: OutcomeFatal, Err: errors.New("no user id to send the push to")}
	}
	scope := req.Scope
	if scope == "" {
		scope = "openid"
	}
	form := url.Values{}
	form.Set("login_hint", c.LoginHint(req.UserID))
	form.Set("scope", scope)
	form.Set("binding_message", req.BindingMessage)
	if req.Audience != "" {
		form.Set("audience", req.Audience)
	}
	if req.RequestedExpiry > 0 {
		form.Set("requested_expiry", strconv.FormatInt(int64((req.RequestedExpiry+time.Second-1)/time.Second), 10))
	}
	c.addClientAuth(form)
	k := call{op: op, method: http.MethodPost, path: "/bc-authorize", form: form}
	a, err := c.do(ctx, k)
	if err != nil {
		return nil, c.fail(failedAnswer(op, a.status, err))
	}
	if a.status < 200 || a.status >= 300 {
		return nil, c.fail(answerError(op, a.status, a.header, a.body, a.at))
	}
	out, err := parseBackchannel(a.body)
	if err != nil {
		return nil, c.fail(malformedAnswer(op, a.status, a.header, a.body, err))
	}
	return out, nil
}

func parseBackchannel(body []byte) (*BackchannelAuthorization, error) {
	var b struct {
		AuthReqID json.RawMessage `json:"auth_req_id"`
		ExpiresIn json.RawMessage `json:"expires_in"`
		Interval  json.RawMessage `json:"interval"`
	}
	if err := json.Unmarshal(body, &b); err != nil {
		return nil, fmt.Errorf("bc-authorize answer: %w", err)
	}
	out := &BackchannelAuthorization{AuthReqID: CleanText(jsonText(b.AuthReqID)), Interval: DefaultBackchannelInterval}
	if out.AuthReqID == "" {
		return nil, errors.New("bc-authorize answer has no auth_req_id")
	}
	expires, err := parseExpiresIn(b.ExpiresIn)
	if err != nil || expires <= 0 {
		return nil, errors.New("bc-authorize answer has no usable expires_in")
	}
	out.ExpiresIn = expires
	if interval, err := parseExpiresIn(b.Interval); err == nil && interval > 0 && interval <= time.Hour {
		out.Interval = interval
	}
	return out, nil
}

// PollBackchannel asks whether the user answered a CIBA request (the CIBA
// grant). Its outcomes are the mfa-oob poll's: pending and slow_down (the
// error's Interval is the new spacing when Auth0 gives one) mean ask again,
// rejected and expired stop, rate_limited and transient back off.
func (c *Client) PollBackchannel(ctx context.Context, authReqID string) (*Tokens, error) {
	form := url.Values{}
	form.Set("auth_req_id", authReqID)
	return c.tokenCall(ctx, GrantCIBA, "ciba", form)
}

// cibaOutcome reads an answer of the CIBA grant: Auth0 refuses a request
// the user denied, or one that expired, with access_denied ("The end-user
// denied the authorization request or it has been expired"), which ends
// the wait either way; expired_token, the standard's word for an expired
// request, is read as expired.
func cibaOutcome(err error) error {
	e, ok := AsError(err)
	if ok && e.Code == CodeAccessDenied && e.StatusCode >= 400 && e.StatusCode < 500 {
		e.Outcome = OutcomeRejected
	}
	return err
}
