package plain_test

import (
	"context"
	"strings"
	"testing"

	"github.com/mfapush/mfapush/internal/plain"
)

// TestEnrollPrintsTheRecoveryCodeOnceEnrolled: the recovery code works
// only once the phone is enrolled, so it is printed then, once, and never
// beside a code that may yet expire (README, "Recovery codes").
func TestEnrollPrintsTheRecoveryCodeOnceEnrolled(t *testing.T) {
	w := newWorld(t, nil)
	r := start(w.config(plain.CommandEnroll, "alice@example.com", "alice-password\n"))
	r.stdout.waitFor(t, "Waiting for the phone (next check in")
	code := w.secrets.valuesOf("recovery_codes")[0]
	if strings.Contains(r.stdout.String(), code) {
		t.Fatalf("the recovery code is printed before the phone enrolled:\n%s", r.stdout)
	}
	if _, err := w.srv.Phone.Scan(context.Background(), w.secrets.valuesOf("barcode_uri")[0], "Pixel 9"); err != nil {
		t.Fatal(err)
	}
	if status := r.wait(t); status != plain.ExitOK {
		t.Fatalf("exit %d\n%s", status, r.stderr)
	}
	out := r.stdout.String()
	enrolled, recovery := strings.Index(out, "Enrolled push|"), strings.Index(out, code)
	if strings.Count(out, code) != 1 || enrolled < 0 || recovery < enrolled {
		t.Errorf("the recovery code is not printed once after the enrollment:\n%s", out)
	}
}
