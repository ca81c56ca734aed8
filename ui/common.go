package ui

import (
	"context"
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/flow"
	"github.com/mfapush/mfapush/internal/i18n"
	"github.com/mfapush/mfapush/internal/qr"
)

// common is what every screen may use, and all it may use of the world
// around it: the options, the flows' environment, the words, the styles,
// the keys, the spinner's frame and the clock. A screen holds it instead
// of the root model, which it never reaches into; it talks back with the
// intents of intents.go. The root model owns it and changes it (the theme,
// the colour profile); screens only read it.
type common struct {
	opts Options
	env  flow.Env
	t    *i18n.Catalog
	st   *Styles
	keys *KeyMap
	// spin is the one spinner: the root model moves it, screens draw its
	// frame.
	spin spinner.Model
	// isDark is the theme in use; noColor says colours are off (NO_COLOR):
	// the QR code then uses plain glyphs.
	isDark, noColor bool
	// phone is the simulated phone's panel, which the root model keeps up
	// to date.
	phone *phonePanel
	// frame answers a screen whose layout depends on the window.
	frame frame
	// bodyHelp is the full help when a screen shows it in its body (see
	// helpTaker), set by the root model before the screen draws; nil
	// otherwise.
	bodyHelp []key.Binding
}

// frame is what a screen may ask of the frame around its body, for a
// layout that depends on the window (the QR code's). The root model
// answers.
type frame interface {
	windowSize() (w, h int)
	// rowsAround is the rows the frame takes, with the short footer, in a
	// window w wide around a body bodyW wide: the phone beside the body
	// where both fit, else folded into its line.
	rowsAround(w, bodyW int) int
}

// phoneAsks reports a push waiting on the simulated phone.
func (c *common) phoneAsks() bool { return c.opts.Phone != nil && len(c.phone.notifications) > 0 }

// progressBar shows the time left as a bar that empties. Its two parts
// differ by their glyphs as well as their colours, so that it reads
// without colours (NO_COLOR).
func (c *common) progressBar(left, total time.Duration, w int) string {
	if w < 4 || total <= 0 {
		return ""
	}
	filled := int(float64(w) * float64(max(left, 0)) / float64(total))
	filled = min(max(filled, 0), w)
	return paint(c.st.ProgressFull, strings.Repeat("━", filled)) + paint(c.st.ProgressRest, strings.Repeat("─", w-filled))
}

// qrStyle draws with explicit colours unless colours are off (NO_COLOR),
// then picks the glyphs for the terminal's background.
func (c *common) qrStyle() qr.Style {
	if c.noColor {
		if c.isDark {
			return qr.StylePlainDark
		}
		return qr.StylePlainLight
	}
	return qr.StyleColor
}

// deviceName is the authenticator's name; Auth0 names only push devices
// and phone numbers, so an unnamed one is called by its kind (an app's
// code, an email), or "the phone" for a push.
func (c *common) deviceName(a auth0.Authenticator) string {
	switch {
	case a.Name != "":
		return a.Name
	case a.ID != "" && a.Kind() != auth0.KindPush:
		return c.kindName(a.Kind())
	}
	return c.t.Enrolled.DeviceUnknown
}

// sandboxPace says, on the embedded sandbox's wait screens, that its
// quick polls are not what a real tenant allows: the trace shows them.
// The pace is the wait's own spacing, the one its policy keeps.
func (c *common) sandboxPace(a *flow.Approval, w int) string {
	if !c.opts.Sandbox || a == nil || a.Interval() >= flow.DefaultInterval {
		return ""
	}
	return paint(c.st.Muted, wrap(fmt.Sprintf(c.t.App.SandboxPace, c.t.FormatWait(a.Spacing())), w))
}

// tenantDomain is the tenant's host: the MFA application's client's, or
// the helpdesk's when it is the only one configured.
func (c *common) tenantDomain() string {
	switch {
	case c.env.Client != nil:
		return c.env.Client.Domain()
	case c.opts.Helpdesk != nil && c.opts.Helpdesk.Env.Client != nil:
		return c.opts.Helpdesk.Env.Client.Domain()
	}
	return ""
}

// viewDemoUsers lists the sandbox's demo users, with their passwords (they
// are public demo values, not secrets).
func (c *common) viewDemoUsers(w int) string {
	if c.opts.DemoUsers == nil {
		return ""
	}
	users := c.opts.DemoUsers()
	if len(users) == 0 {
		return ""
	}
	rows := make([]string, 0, 2*len(users))
	for _, u := range users {
		rows = append(rows,
			c.st.Strong.Render(padRight(u.Email, 20))+c.st.Text.Render(u.Password),
			c.st.Muted.Render(wrap(u.Note, max(w-8, 20))))
	}
	box := drawBox(c.st.Box, strings.Join(rows, "\n"), 0)
	if top, _, _ := strings.Cut(box, "\n"); cellWidth(top) > w {
		box = strings.Join(rows, "\n")
	}
	return c.st.Label.Render(c.t.Home.DemoUsers) + "\n" + box
}

func (c *common) kindName(k auth0.Kind) string { return flow.KindName(c.t, k) }

// describe names an authenticator for a sentence: its kind and device.
func (c *common) describe(a auth0.Authenticator) string {
	if a.Name != "" {
		return c.kindName(a.Kind()) + " · " + a.Name
	}
	return c.kindName(a.Kind())
}

func (c *common) ctx() context.Context {
	if c.env.Ctx != nil {
		return c.env.Ctx
	}
	return context.Background()
}

func (c *common) now() time.Time {
	if c.env.Clock != nil {
		return c.env.Clock.Now()
	}
	return time.Now()
}

// problemDetail is the answer as Auth0 gave it, or what failed.
func (c *common) problemDetail(p flow.Problem) string { return flow.ProblemDetail(c.t, p) }

// countdown says how long until at, and when that is
// (i18n.Catalog.ExpiresWhen): within the hour as a clock (m:ss), further
// off in hours and minutes.
func (c *common) countdown(at time.Time) string {
	now := c.now()
	left := at.Sub(now)
	if left <= 0 {
		return paint(c.st.Error, c.t.Result.Expired)
	}
	in := c.t.FormatDuration(left)
	if left < time.Hour {
		in = clockDuration(left)
	}
	return c.t.ExpiresWhen(in, now, at)
}
