package sandbox

import (
	"net/http"
	"slices"
	"time"
)

// The outbox holds the pushes to Guardian devices the simulated phone does
// not hold: devices another client enrolled through /appliance-mfa/api/enroll
// (an app built on Auth0's Guardian SDKs, or a script). Auth0 hands a push
// to APNs or FCM for the device it targets; the sandbox keeps it for that
// device's client, which reads it from GET /sandbox/notifications (marked
// external) and answers it itself with resolve-transaction. Every field
// here is guarded by Tenant.mu.

var errExternalPush = newError(http.StatusConflict, "external_device",
	"This push went to a device another client enrolled: the simulated phone holds no key for it. "+
		"Answer it from that client: POST /appliance-mfa/api/resolve-transaction with the push's txtkn as bearer "+
		"and a challenge_response signed by the device key")

// holds reports whether a push goes to this phone: to a device it enrolled
// with its own push token. p may be nil.
func (p *Phone) holds(msg pushMessage) bool { return p != nil && msg.pushToken == p.pushToken }

// notification is a push as a device's listing shows it.
func (msg pushMessage) notification() *Notification {
	n := &Notification{
		ID: "ntf_" + randomString(16, alnum), DeviceID: msg.payload.DeviceAccountID, UserID: msg.userID,
		CreatedAt: msg.created, ExpiresAt: msg.expires, Location: "sandbox", Payload: msg.payload,
		BindingMessage: msg.bindingMessage,
	}
	if s := msg.payload.Source; s != nil {
		n.App, n.AppVersion, n.OS = s.Browser.Name, s.Browser.Version, s.OS.Name
	}
	return n
}

// postLocked keeps a push the phone will not receive.
func (t *Tenant) postLocked(msg pushMessage, now time.Time) {
	if t.phone.holds(msg) {
		return
	}
	n := msg.notification()
	n.External = true
	t.pruneOutboxLocked(now)
	t.outbox = append(t.outbox, n)
}

// waitingLocked reports whether an external push can still be answered:
// its transaction pending and not expired, its device still enrolled.
func (t *Tenant) waitingLocked(n *Notification, now time.Time) bool {
	tx := t.txs[n.Payload.TransactionToken]
	return tx != nil && tx.state == oobPending && now.Before(n.ExpiresAt) && t.devices[n.DeviceID] == tx.device
}

func (t *Tenant) pruneOutboxLocked(now time.Time) {
	t.outbox = slices.DeleteFunc(t.outbox, func(n *Notification) bool { return !t.waitingLocked(n, now) })
}

// withdrawExternalLocked drops the pushes of ended transactions (by
// txtkn): their sign-in got its tokens another way.
func (t *Tenant) withdrawExternalLocked(txTokens []string) {
	t.outbox = slices.DeleteFunc(t.outbox, func(n *Notification) bool {
		return slices.Contains(txTokens, n.Payload.TransactionToken)
	})
}

// externalNotifications lists the external pushes that can be answered,
// oldest first.
func (t *Tenant) externalNotifications() []Notification {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.pruneOutboxLocked(t.now())
	out := make([]Notification, len(t.outbox))
	for i, n := range t.outbox {
		out[i] = *n
	}
	return out
}

// isExternalPush reports whether a notification id names a push in the
// outbox, which the phone cannot answer.
func (t *Tenant) isExternalPush(id string) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return slices.ContainsFunc(t.outbox, func(n *Notification) bool { return n.ID == id })
}
