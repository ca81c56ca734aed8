package auth0

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"runtime"
	"strings"
	"time"
)

const (
	// DefaultTimeout bounds each request, so a silent network never hangs a flow.
	DefaultTimeout = 10 * time.Second
	// MaxBodySize is the largest answer read; larger ones are refused.
	MaxBodySize = 1 << 20
)

// Config says which tenant and application a Client talks for.
type Config struct {
	// Domain is the tenant domain as a person types it; see ParseDomain.
	Domain       string
	ClientID     string
	ClientSecret string // empty for public (native) applications
	// HTTPClient carries the requests; nil means one that honours
	// HTTPS_PROXY/NO_PROXY and the system's certificates. Redirects are
	// never followed, whichever client is given.
	HTTPClient *http.Client
	// Timeout bounds each request; zero means DefaultTimeout.
	Timeout time.Duration
	// Version goes into the User-Agent and Auth0-Client headers.
	Version string
	// Observer, if set, receives every exchange (for the request trace).
	Observer Observer
	// RevealSecrets leaves secret values in the exchanges the Observer
	// receives and in error messages. Off by default.
	RevealSecrets bool
}

// Client talks to one Auth0 tenant's MFA API and token endpoint for one
// application. It is safe for concurrent use.
type Client struct {
	base         *url.URL
	clientID     string
	clientSecret string
	http         *http.Client
	timeout      time.Duration
	userAgent    string
	auth0Client  string
	observer     Observer
	reveal       bool
	secrets      *secretRegistry
}

// New checks the configuration and returns a Client.
func New(cfg Config) (*Client, error) {
	base, err := ParseDomain(cfg.Domain)
	if err != nil {
		return nil, err
	}
	clientID := strings.TrimSpace(cfg.ClientID)
	if clientID == "" {
		return nil, errors.New("the client ID is empty: set it to your application's Client ID " +
			"(Auth0 Dashboard > Applications > your application > Settings)")
	}
	version := cfg.Version
	if version == "" {
		version = "dev"
	}
	timeout := cfg.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	telemetry, _ := json.Marshal(map[string]string{"name": "mfapush", "version": version})
	c := &Client{
		base:         base,
		clientID:     clientID,
		clientSecret: cfg.ClientSecret,
		http:         noRedirects(cfg.HTTPClient),
		timeout:      timeout,
		userAgent:    "mfapush/" + version + " (" + osName() + "; " + runtime.GOARCH + ")",
		auth0Client:  base64.StdEncoding.EncodeToString(telemetry),
		observer:     cfg.Observer,
		reveal:       cfg.RevealSecrets,
		secrets:      &secretRegistry{},
	}
	if cfg.ClientSecret != "" {
		c.secrets.remember(secretFields["client_secret"], cfg.ClientSecret)
	}
	return c, nil
}

// noRedirects returns a copy of hc (or of a default client) that never
// follows redirects: a redirected token request could carry secrets to
// another host.
func noRedirects(hc *http.Client) *http.Client {
	var c http.Client
	if hc != nil {
		c = *hc
	} else {
		c.Transport = http.DefaultTransport.(*http.Transport).Clone() // proxies from the environment
	}
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return &c
}

// osName is the system as User-Agent strings spell it, so that the push on
// the phone says where the sign-in comes from.
func osName() string {
	switch runtime.GOOS {
	case "darwin":
		return "Mac OS X"
	case "windows":
		return "Windows"
	case "linux":
		return "Linux"
	}
	return runtime.GOOS
}

// CloseIdleConnections closes the connections kept open for the next
// request, so nothing is left behind once the client is no longer used.
func (c *Client) CloseIdleConnections() { c.http.CloseIdleConnections() }

// BaseURL is the tenant's URL, e.g. https://dev-abc.us.auth0.com.
func (c *Client) BaseURL() string { return c.base.String() }

// Domain is the tenant's host (and port, if any).
func (c *Client) Domain() string { return c.base.Host }

// MFAAudience is the audience of access tokens for the MFA API itself:
// the tenant URL followed by /mfa/.
func (c *Client) MFAAudience() string { return c.base.String() + "/mfa/" }

// ClientID is the application's client ID.
func (c *Client) ClientID() string { return c.clientID }

// Redact replaces every secret this client has seen in s, unless the client
// reveals secrets. Use it on any text built from answers before showing it.
func (c *Client) Redact(s string) string {
	if c.reveal {
		return s
	}
	return c.secrets.scrub(s)
}

// WatchSecrets calls fn with every secret value the client knows (its
// client secret, and those met in requests and answers so far), then with
// each new one as it is met, before the call that met it returns, so that
// a recording can mask a value before any screen shows it. fn gets the
// value's variable (MFA_TOKEN, BARCODE_URI…; see SecretVariables) and
// must not call the client.
func (c *Client) WatchSecrets(fn func(variable, value string)) { c.secrets.watch(fn) }

// call is one request to the tenant.
type call struct {
	op     string
	grant  string
	method string
	path   string // unescaped path
	raw    string // escaped path, when it differs
	query  url.Values
	bearer string
	form   url.Values
	json   any
}

// answer is what came back.
type answer struct {
	status int
	header http.Header
	body   []byte
	at     time.Time
}

// TimeoutError is a request that got no answer within the client's own
// timeout; it is context.DeadlineExceeded, told with the time waited.
type TimeoutError struct{ After time.Duration }

func (e *TimeoutError) Error() string { return "timed out after " + e.After.String() }
func (e *TimeoutError) Unwrap() error { return context.DeadlineExceeded }

// do sends one request and reads its answer. The error is a transport
// failure; an error status is not an error here.
func (c *Client) do(ctx context.Context, k call) (answer, error) {
	parent := ctx
	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()

	var body []byte
	var contentType string
	switch {
	case k.form != nil:
		body, contentType = []byte(k.form.Encode()), "application/x-www-form-urlencoded"
	case k.json != nil:
		var err error
		if body, err = json.Marshal(k.json); err != nil {
			return answer{}, err
		}
		contentType = "application/json"
	}
	u := *c.base
	u.Path, u.RawPath = k.path, k.raw
	if len(k.query) > 0 {
		u.RawQuery = k.query.Encode()
	}
	req, err := http.NewRequestWithContext(ctx, k.method, u.String(), bytes.NewReader(body))
	if err != nil {
		return answer{}, err
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", c.userAgent)
	req.Header.Set("Auth0-Client", c.auth0Client)
	if k.bearer != "" {
		req.Header.Set("Authorization", "Bearer "+k.bearer)
	}

	started := time.Now()
	resp, err := c.http.Do(req)
	var a answer
	if err == nil {
		a.status, a.header = resp.StatusCode, resp.Header
		a.body, err = io.ReadAll(io.LimitReader(resp.Body, MaxBodySize+1))
		resp.Body.Close()
		if err == nil && len(a.body) > MaxBodySize {
			err = ErrTooLarge
		}
	}
	a.at = time.Now()
	if err != nil {
		err = unwrapURLError(err)
		if errors.Is(err, context.DeadlineExceeded) && parent.Err() == nil {
			err = &TimeoutError{After: c.timeout}
		}
	}
	c.observe(k, req, contentType, body, a, started, err)
	return a, err
}

// unwrapURLError drops url.Error's "Post "https://…":" prefix, which repeats
// what Error.Op already says.
func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// observe reports an exchange to the observer, with secrets replaced.
func (c *Client) observe(k call, req *http.Request, contentType string, reqBody []byte, a answer, started time.Time, failure error) {
	// Redaction also teaches the registry the secrets in the answer, which
	// error messages rely on, so it runs even without an observer. It reads
	// the whole answer before the trace keeps its start: a secret past the
	// cut still teaches the registry, and one across it is not half shown.
	ex := Exchange{
		Op:             k.op,
		Grant:          k.grant,
		Method:         req.Method,
		URL:            req.URL.String(),
		RequestHeader:  req.Header,
		RequestBody:    c.secrets.redactBody(contentType, reqBody),
		StatusCode:     a.status,
		ResponseHeader: a.header,
		Started:        started,
		Duration:       a.at.Sub(started),
		Revealed:       c.reveal,
	}
	// Redacted even when secrets are revealed: the registry learns the
	// answer's secrets either way, for those who watch them.
	respBody := c.secrets.redactBody(a.header.Get("Content-Type"), a.body)
	if c.reveal {
		respBody = a.body
	}
	ex.ResponseBody, ex.Cut.Body = keepStart(respBody, maxTracedBody)
	ex.BodyTruncated = ex.Cut.Body > 0
	if failure != nil {
		ex.Failure = failure.Error()
	}
	if code, _, ok := parseErrorBody(a.body); ok && a.status >= 300 {
		ex.ErrorCode = code
	}
	if c.observer == nil {
		return
	}
	ex.Outcome = classifyForTrace(k, a, failure)
	// The exchange as it was, kept aside for a reveal the user asks for
	// later (the trace's v); cut as the redacted one is.
	raw := ex
	raw.RequestBody = reqBody
	raw.ResponseBody, raw.Cut.Body = keepStart(a.body, maxTracedBody)
	raw.BodyTruncated = raw.Cut.Body > 0
	raw.RequestHeader, raw.ResponseHeader = req.Header.Clone(), a.header.Clone()
	raw.Revealed = true
	if c.reveal {
		ex = raw
	} else {
		ex.RequestHeader = c.secrets.redactHeader(req.Header)
		ex.ResponseHeader = c.secrets.redactHeader(a.header)
		ex.URL = c.secrets.scrub(c.secrets.redactURL(ex.URL))
		ex.Failure = c.secrets.scrub(ex.Failure)
		ex.withSecrets = &raw // shown only if the user asks (the trace's reveal)
	}
	c.observer(ex)
}

func classifyForTrace(k call, a answer, failure error) Outcome {
	if k.grant != "" {
		_, err := interpretGrantAnswer(k, a, failure)
		return OutcomeOf(err)
	}
	if failure != nil {
		return failedAnswer(k.op, a.status, failure).Outcome
	}
	if a.status >= 200 && a.status < 300 {
		return OutcomeTokens
	}
	return answerError(k.op, a.status, a.header, a.body, a.at).Outcome
}

// fail finishes an *Error for the caller: secrets scrubbed from the text.
func (c *Client) fail(err error) error {
	e, ok := AsError(err)
	if !ok || c.reveal {
		return err
	}
	e.Description = c.secrets.scrub(e.Description)
	if e.Err != nil {
		if scrubbed := c.secrets.scrub(e.Err.Error()); scrubbed != e.Err.Error() {
			e.Err = errors.New(scrubbed)
		}
	}
	return e
}

// tokenCall posts a grant to /oauth/token and interprets the answer.
func (c *Client) tokenCall(ctx context.Context, grant, opName string, form url.Values) (*Tokens, error) {
	form.Set("grant_type", grant)
	c.addClientAuth(form)
	k := call{op: "POST /oauth/token (" + opName + ")", grant: grant, method: http.MethodPost, path: "/oauth/token", form: form}
	a, err := c.do(ctx, k)
	tokens, err := interpretGrantAnswer(k, a, err)
	return tokens, c.fail(err)
}

func (c *Client) addClientAuth(form url.Values) {
	form.Set("client_id", c.clientID)
	if c.clientSecret != "" {
		form.Set("client_secret", c.clientSecret)
	}
}

// jsonCall sends a request to the MFA API and decodes a 2xx JSON answer into
// out (which may be nil for 204 answers).
func (c *Client) jsonCall(ctx context.Context, k call, out any) error {
	a, err := c.do(ctx, k)
	if err != nil {
		return c.fail(failedAnswer(k.op, a.status, err))
	}
	if a.status < 200 || a.status >= 300 {
		return c.fail(answerError(k.op, a.status, a.header, a.body, a.at))
	}
	if out == nil {
		// Auth0 answers such calls with 204 and no body. A page in its place
		// is a proxy's or a captive portal's: the call may never have reached
		// the tenant, so it is not told as done.
		if len(bytes.TrimSpace(a.body)) > 0 && !json.Valid(a.body) {
			return c.fail(malformedAnswer(k.op, a.status, a.header, a.body, nil))
		}
		return nil
	}
	if err := json.Unmarshal(a.body, out); err != nil {
		return c.fail(malformedAnswer(k.op, a.status, a.header, a.body, fmt.Errorf("unexpected answer: %w", err)))
	}
	cleanAll(out)
	return nil
}
