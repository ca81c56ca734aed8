package sandbox

import (
	"net/http"
	"slices"
	"strings"
	"time"
)

// Message is a text message, a voice call or an email the tenant sent
// with a code: what reaches a real user through Auth0's SMS, voice and
// email providers. The simulated phone receives them all (it stands for
// every phone number and mailbox of the demo users); a voice call is kept
// as its transcript.
type Message struct {
	ID        string    `json:"id"`      // msg_…
	Channel   string    `json:"channel"` // sms, voice or email
	UserID    string    `json:"user_id"`
	To        string    `json:"to"`                // the E.164 number or the address
	Subject   string    `json:"subject,omitempty"` // email only
	Text      string    `json:"text"`              // the SMS, the call's transcript, the email's body
	Code      string    `json:"code"`              // the code it carries, for scripts and tests
	Purpose   string    `json:"purpose"`           // enrollment or verification
	SentAt    time.Time `json:"sent_at"`
	ExpiresAt time.Time `json:"expires_at"` // when its code stops working
}

// MessageFilter picks messages; empty fields pick all.
type MessageFilter struct {
	UserID  string
	Channel string // sms, voice or email
	To      string
}

func (f MessageFilter) matches(m *Message) bool {
	return (f.UserID == "" || m.UserID == f.UserID) && (f.Channel == "" || m.Channel == f.Channel) &&
		(f.To == "" || strings.EqualFold(m.To, f.To))
}

// inboxSize bounds the messages the phone keeps: the oldest go first, as
// on a phone whose inbox a flood filled.
const inboxSize = 100

// Messages lists the messages the phone received that f picks, newest
// first. Changed fires when one arrives.
func (p *Phone) Messages(f MessageFilter) []Message {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := []Message{}
	for i := len(p.inbox) - 1; i >= 0; i-- {
		if f.matches(&p.inbox[i]) {
			out = append(out, p.inbox[i])
		}
	}
	return out
}

// deliver is the sandbox's SMS, voice and email provider: the tenant calls
// it, without its lock, for each code it sends.
func (p *Phone) deliver(m Message) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return
	}
	p.inbox = append(p.inbox, m)
	if over := len(p.inbox) - inboxSize; over > 0 {
		p.inbox = slices.Delete(p.inbox, 0, over)
	}
	p.notifyLocked()
}

var messageChannels = []string{"sms", "voice", "email"}

// handleListMessages is GET /sandbox/messages[?user=…&channel=…&to=…]:
// user is an email or a user id.
func (t *Tenant) handleListMessages(w http.ResponseWriter, r *http.Request) {
	phone := t.connectedPhone()
	if phone == nil {
		writeError(w, errNoPhone)
		return
	}
	q := r.URL.Query()
	f := MessageFilter{UserID: q.Get("user"), Channel: q.Get("channel"), To: q.Get("to")}
	if f.Channel != "" && !slices.Contains(messageChannels, f.Channel) {
		writeError(w, invalidRequest("channel must be sms, voice or email"))
		return
	}
	if strings.Contains(f.UserID, "@") {
		if id := t.userIDByEmail(f.UserID); id != "" {
			f.UserID = id
		}
	}
	writeJSON(w, http.StatusOK, contentJSONCharset, phone.Messages(f))
}
