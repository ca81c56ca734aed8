package sandbox

import (
	"encoding/json"
	"errors"
	"html/template"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/mfapush/mfapush/internal/qr"
)

// POST /api/v2/guardian/enrollments/ticket, and the page its ticket_url
// opens: the enrollment QR code the user's phone scans. Auth0 serves that
// page as Universal Login; the sandbox's shows the code and its link. The
// ticket id is the enrollment transaction itself, as the Guardian SDKs
// take a Management API ticket in place of the QR code's enrollment_tx_id.

type ticketRequest struct {
	UserID                   string `json:"user_id"`
	Email                    string `json:"email"`
	SendMail                 *bool  `json:"send_mail"`
	EmailLocale              string `json:"email_locale"`
	Factor                   string `json:"factor"`
	AllowMultipleEnrollments *bool  `json:"allow_multiple_enrollments"`
}

func decodeTicket(r *http.Request, body []byte) (ticketRequest, *mgmtError) {
	var req ticketRequest
	if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(strings.ToLower(ct), contentJSON) {
		return req, invalidBodyMgmt("Payload validation error: the body must be JSON (Content-Type: application/json).")
	}
	dec := json.NewDecoder(strings.NewReader(string(body)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		return req, invalidBodyMgmt("Payload validation error: " + clean(err.Error(), 200) + ".")
	}
	noteFields(r, fieldsOf(body))
	switch {
	case req.UserID == "":
		return req, invalidBodyMgmt("Payload validation error: 'Missing required property: user_id'.")
	case req.Factor != "" && req.Factor != "push-notification":
		return req, invalidBodyMgmt("Payload validation error: the sandbox enrolls the push-notification factor only.")
	}
	return req, nil
}

// fieldsOf names a JSON object's keys, for the request log.
func fieldsOf(body []byte) []string {
	var raw map[string]json.RawMessage
	json.Unmarshal(body, &raw)
	names := make([]string, 0, len(raw))
	for k := range raw {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}

// ticketURL is where a ticket's page is, as Auth0's ticket_url points at
// the tenant's /mfa/enrollment.
func ticketURL(base, ticket string) string {
	return base + "/mfa/enrollment?ticket=" + url.QueryEscape(ticket)
}

func (t *Tenant) handleCreateTicket(w http.ResponseWriter, r *http.Request) {
	body, ae := readBody(w, r)
	if ae != nil {
		writeMgmtError(w, invalidBodyMgmt(ae.desc))
		return
	}
	req, e := decodeTicket(r, body)
	if e != nil {
		writeMgmtError(w, e)
		return
	}
	base, now := t.baseURL(r), t.now()
	t.mu.Lock()
	u := t.usersByID[req.UserID]
	var uri string
	var ticket string
	if u != nil {
		en := t.newEnrollmentLocked(u, associateRequest{channel: "auth0"}, "", now)
		if tx := t.oobs[en.oobCode]; tx != nil {
			t.forgetOOB(tx) // nobody polls a ticket's enrollment
		}
		ticket, uri = en.ticket, enrollmentAnswer(base, en)["barcode_uri"].(string)
	}
	phone := t.phone
	t.mu.Unlock()
	if u == nil {
		writeMgmtError(w, errUserUnknown)
		return
	}
	if phone != nil {
		phone.offerBarcode(uri)
	}
	writeJSON(w, http.StatusOK, contentJSONCharset, map[string]string{"ticket_id": ticket, "ticket_url": ticketURL(base, ticket)})
}

// Why a ticket cannot be used.
var (
	ErrTicketPageUnknown = errors.New("this enrollment ticket is unknown: ask the helpdesk for a new one")
	ErrTicketPageExpired = errors.New("this enrollment ticket has expired: ask the helpdesk for a new one")
	ErrTicketPageUsed    = errors.New("this enrollment ticket was used already: the phone is enrolled")
)

// TicketBarcode is the enrollment QR code's text behind a ticket_url (or a
// bare ticket id), with when the ticket expires: what the ticket's page
// shows and the simulated phone scans.
func (t *Tenant) TicketBarcode(ticketURL string) (string, time.Time, error) {
	return t.ticketBarcodeAt(t.opts.URL, ticketURL)
}

func (t *Tenant) ticketBarcodeAt(base, ticketURL string) (string, time.Time, error) {
	ticket := ticketURL
	if u, err := url.Parse(ticketURL); err == nil && u.Query().Get("ticket") != "" {
		ticket = u.Query().Get("ticket")
	}
	now := t.now()
	t.mu.Lock()
	defer t.mu.Unlock()
	en := t.enrollments[ticket]
	switch {
	case en == nil:
		return "", time.Time{}, ErrTicketPageUnknown
	case en.used:
		return "", time.Time{}, ErrTicketPageUsed
	case !now.Before(en.expires):
		return "", time.Time{}, ErrTicketPageExpired
	}
	return enrollmentAnswer(base, en)["barcode_uri"].(string), en.expires, nil
}

// ticketPage is parsed at its first use: parsing it at start cost every
// run of mfapush, before its first frame, for a page few ever open.
var ticketPage = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("ticket").Parse(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Enroll Guardian push — mfapush sandbox</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#111;background:#fff}
svg{display:block;margin:1.5rem 0}code{word-break:break-all}.note{color:#555}</style></head>
<body><h1>Enroll Guardian push</h1>
{{if .Problem}}<p>{{.Problem}}</p>{{else}}
<p>Scan this code with the Guardian app on your phone.</p>
{{.QR}}
<p>On the phone itself, open this link instead: <a href="{{.Link}}"><code>{{.Link}}</code></a></p>
<p class="note">The code works once, until {{.Expires}} (UTC). In the sandbox, the simulated phone scans it:
<code>POST /sandbox/devices</code> with this page's <code>ticket_url</code>.</p>{{end}}
</body></html>
`))
})

func (t *Tenant) handleTicketPage(w http.ResponseWriter, r *http.Request) {
	page := struct {
		Problem, Link, Expires string
		QR                     template.HTML
	}{}
	status := http.StatusOK
	uri, expires, err := t.ticketBarcodeAt(t.baseURL(r), r.URL.Query().Get("ticket"))
	switch {
	case errors.Is(err, ErrTicketPageUnknown):
		status, page.Problem = http.StatusNotFound, "This enrollment ticket is unknown: ask the helpdesk for a new one."
	case errors.Is(err, ErrTicketPageExpired), errors.Is(err, ErrTicketPageUsed):
		status, page.Problem = http.StatusGone, err.Error()+"."
	default:
		svg, qrErr := qr.SVG(uri, 288)
		if qrErr != nil {
			status, page.Problem = http.StatusInternalServerError, "The QR code could not be drawn."
			break
		}
		page.QR, page.Link, page.Expires = template.HTML(svg), uri, expires.UTC().Format("15:04:05")
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
	w.Header().Set("Referrer-Policy", "no-referrer")
	w.WriteHeader(status)
	ticketPage().Execute(w, page)
}
