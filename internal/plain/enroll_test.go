package plain_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/mfapush/mfapush/internal/plain"
	"github.com/mfapush/mfapush/internal/qr"
	"github.com/mfapush/mfapush/internal/qr/qrtest"
)

// TestEnrollPrintsACodeThePhoneScans reads the QR code back from the
// printed text, in both polarities, and has the phone enroll with what it
// decoded: only a code that scans can finish the run.
func TestEnrollPrintsACodeThePhoneScans(t *testing.T) {
	for _, invert := range []bool{false, true} {
		t.Run(map[bool]string{false: "plain-dark", true: "inverted"}[invert], func(t *testing.T) {
			w := newWorld(t, nil)
			cfg := w.config(plain.CommandEnroll, "alice@example.com", "alice-password\n")
			cfg.InvertQR = invert
			r := start(cfg)
			r.stdout.waitFor(t, "Link: ")
			screen := r.stdout.String()
			uri, err := qrtest.Decode(screen, qrtest.PolarityOf(qr.Options{Style: qr.StylePlainDark, Invert: invert}))
			if err != nil {
				t.Fatalf("the printed code does not decode: %v\n%s", err, screen)
			}
			if link := lineWith(screen, "Link: "); link != "Link: "+uri {
				t.Errorf("the code says %q, the link line %q", uri, link)
			}
			if got := w.secrets.valuesOf("barcode_uri"); len(got) != 1 || got[0] != uri {
				t.Errorf("decoded %q, the tenant sent %q", uri, got)
			}
			if _, err := w.srv.Phone.Scan(context.Background(), uri, "Pixel 9"); err != nil {
				t.Fatalf("the phone could not enroll with the decoded code: %v", err)
			}
			status := r.wait(t)
			out := r.stdout.String()
			if status != plain.ExitOK {
				t.Fatalf("exit %d\n%s\n%s", status, out, r.stderr)
			}
			device := w.srv.Phone.Devices()
			want := "Enrolled push|" + device[len(device)-1].ID + " (Pixel 9) for alice@example.com"
			if !strings.Contains(out, want) {
				t.Errorf("the output lacks %q:\n%s", want, out)
			}
			if strings.Count(out, "▀") == 0 || strings.Count(out, "Link: ") != 1 {
				t.Errorf("the code is not printed exactly once:\n%s", out)
			}
			assertNoEscapes(t, out+r.stderr.String())
		})
	}
}

func TestEnrollShowsTheRecoveryCodeOnceAndTokensWhenAsked(t *testing.T) {
	w := newWorld(t, nil)
	cfg := w.config(plain.CommandEnroll, "alice@example.com", "alice-password\n")
	cfg.ShowTokens = true
	r := start(cfg)
	r.stdout.waitFor(t, "Waiting for the phone (next check in")
	uri := w.secrets.valuesOf("barcode_uri")[0]
	if _, err := w.srv.Phone.Scan(context.Background(), uri, ""); err != nil {
		t.Fatal(err)
	}
	if status := r.wait(t); status != plain.ExitOK {
		t.Fatalf("exit %d\n%s", status, r.stderr)
	}
	out := r.stdout.String()
	codes := w.secrets.valuesOf("recovery_codes")
	if len(codes) != 1 || strings.Count(out, codes[0]) != 1 {
		t.Fatalf("recovery codes %q printed %d times:\n%s", codes, strings.Count(out, codes[0]), out)
	}
	for _, want := range []string{
		"Recovery code: " + codes[0], "Shown once", "The code is valid for 5m, until ",
		"Access token: " + w.secrets.valuesOf("access_token")[0], "Scope: openid profile email enroll",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the output lacks %q:\n%s", want, out)
		}
	}
	w.secrets.check(t, "enroll output", out+r.stderr.String(), "barcode_uri", "recovery_codes", "access_token", "id_token")
}

func TestEnrollJSONKeepsSecretsOut(t *testing.T) {
	w := newWorld(t, nil)
	cfg := w.config(plain.CommandEnroll, "alice@example.com", "alice-password\n")
	cfg.JSON = true
	r := start(cfg)
	r.human.waitFor(t, "Link: ")
	if _, err := w.srv.Phone.Scan(context.Background(), w.secrets.valuesOf("barcode_uri")[0], "Pixel 9"); err != nil {
		t.Fatal(err)
	}
	if status := r.wait(t); status != plain.ExitOK {
		t.Fatalf("exit %d\n%s", status, r.stderr)
	}
	var report plain.Report
	if err := json.Unmarshal([]byte(r.stdout.String()), &report); err != nil {
		t.Fatalf("stdout is not one JSON document: %v\n%s", err, r.stdout)
	}
	e := report.Enrollment
	if report.Outcome != plain.OutcomeEnrolled || e == nil || e.Outcome != plain.OutcomeEnrolled ||
		e.Authenticator == nil || e.Authenticator.Name != "Pixel 9" || e.RecoveryCodes != 1 || e.Polls == 0 || e.ExpiresAt.IsZero() {
		t.Errorf("report %+v, enrollment %+v", report, e)
	}
	if report.Tokens == nil || report.Tokens.AccessToken != "" || len(report.Tokens.Issued) == 0 {
		t.Errorf("tokens %+v", report.Tokens)
	}
	w.secrets.check(t, "the JSON", r.stdout.String())
	w.secrets.check(t, "stderr", r.stderr.String(), "barcode_uri", "recovery_codes")
	if !strings.Contains(r.stderr.String(), "▀") {
		t.Error("the QR code did not go to stderr with the other human lines")
	}
}

func TestEnrollWhenAlreadyEnrolledExplainsTheWay(t *testing.T) {
	w := newWorld(t, nil)
	out, errOut, status := runToEnd(t, w.config(plain.CommandEnroll, "bob@example.com", "bob-password\n"))
	if status != plain.ExitError {
		t.Errorf("exit %d, want 1", status)
	}
	for _, want := range []string{"Error: This user already has an authenticator", "already enrolled", "without --plain"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	if strings.Contains(out, "▀") {
		t.Errorf("a code was printed:\n%s", out)
	}
}

func TestEnrollInterruptedWhileWaiting(t *testing.T) {
	w := newWorld(t, nil)
	r, cancel := startInterruptible(w.config(plain.CommandEnroll, "alice@example.com", "alice-password\n"))
	defer cancel()
	r.stdout.waitFor(t, "Waiting for the phone")
	cancel()
	if status := r.wait(t); status != plain.ExitInterrupted {
		t.Fatalf("exit %d, want 130\n%s", status, r.stderr)
	}
	if !strings.Contains(r.stderr.String(), "Interrupted") {
		t.Errorf("stderr:\n%s", r.stderr)
	}
}

func assertNoEscapes(t *testing.T, text string) {
	t.Helper()
	for _, c := range []string{"\x1b", "\x9b", "\a"} {
		if strings.Contains(text, c) {
			t.Fatalf("the output holds %q:\n%q", c, text)
		}
	}
}
