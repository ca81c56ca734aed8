package flow

import (
	"testing"
	"time"

	"github.com/mfapush/mfapush/auth0/sandbox"
)

// Leaving a push wait swipes its request off the phone, as the person
// holding it would: the phone no longer offers a sign-in nobody waits for,
// and answering it says it was dismissed.
func TestDismissOnPhone(t *testing.T) {
	w := newWorld(t, sandbox.Options{}, time.Second)
	w.pushChallenge(w.signIn("bob@example.com"))
	phone := SandboxPhone(w.srv.Phone)
	notes := phone.Notifications()
	if len(notes) != 1 {
		t.Fatalf("%d notifications", len(notes))
	}
	if msg := DismissOnPhone(w.env, phone, "push|dev_other")(); msg != nil || len(phone.Notifications()) != 1 {
		t.Fatalf("another device's request went: %v", msg)
	}
	if msg := DismissOnPhone(w.env, phone, "push|"+notes[0].DeviceID)(); msg != nil {
		t.Errorf("message %v", msg)
	}
	if left := phone.Notifications(); len(left) != 0 {
		t.Errorf("left %+v", left)
	}
	if err := phone.Approve(w.env.Ctx, notes[0].ID); err != sandbox.ErrNotificationDismissed {
		t.Errorf("approve after dismissal: %v", err)
	}
}
