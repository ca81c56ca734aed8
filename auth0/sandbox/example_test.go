package sandbox_test

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/mfapush/mfapush/auth0/sandbox"
	"github.com/mfapush/mfapush/internal/clock"
)

// A test drives time with a manual clock and sees every request in the
// request log; the phone plays the user.
func Example() {
	manual := clock.NewManual(time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC))
	opts := sandbox.DefaultOptions() // Auth0's numbers, slow_down at 5 s
	opts.Clock = manual
	opts.RequestLog = func(r sandbox.RequestRecord) {
		// r.Method, r.Path, r.Status, r.Fields (names only), r.Fault
	}
	s, err := sandbox.Start("", opts) // 127.0.0.1, any free port
	if err != nil {
		panic(err)
	}
	defer s.Close()

	form := url.Values{
		"grant_type": {"password"}, "username": {"bob@example.com"}, "password": {"bob-password"},
		"client_id": {"sandbox-client"}, "client_secret": {"sandbox-secret"},
	}
	resp, err := s.Client().Post(s.URL+"/oauth/token", "application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
	if err != nil {
		panic(err)
	}
	resp.Body.Close()
	fmt.Println(resp.StatusCode) // mfa_required

	// ... POST /mfa/challenge with the mfa_token, then:
	for _, n := range s.Phone.Notifications() {
		s.Phone.Approve(context.Background(), n.ID)
	}
	manual.Advance(5 * time.Minute) // the mfa_token expires
	// Output: 403
}
