package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/mfapush/mfapush/auth0/sandbox"
	"github.com/mfapush/mfapush/config"
	"github.com/mfapush/mfapush/flow"
	"github.com/mfapush/mfapush/internal/demo"
	"github.com/mfapush/mfapush/internal/exitcode"
	"github.com/mfapush/mfapush/internal/i18n"
	"github.com/mfapush/mfapush/internal/sandboxphone"
	"github.com/mfapush/mfapush/internal/trace"
	"github.com/mfapush/mfapush/ui"
)

// demoFlags are mfapush demo's flags.
type demoFlags struct {
	speed   string
	loop    bool
	present bool
	size    string
}

func newDemoCommand(t *i18n.Catalog) *cobra.Command {
	f := &demoFlags{}
	h := t.Demo.Help
	cmd := &cobra.Command{
		Use:     "demo",
		Short:   h.Short,
		Long:    h.Long,
		Example: h.Example,
		Args:    noArgs(t),
		RunE:    func(cmd *cobra.Command, _ []string) error { return runDemo(cmd, f) },
	}
	fl := cmd.Flags()
	fl.StringVar(&f.speed, "speed", "1", h.Speed)
	fl.BoolVar(&f.loop, "loop", false, h.Loop)
	fl.BoolVar(&f.present, "present", true, h.Present)
	fl.StringVar(&f.size, "size", "", h.Size)
	addRecordFlag(cmd, t)
	return cmd
}

// maxSpeed bounds --speed: faster, the captions would not reach a frame.
const maxSpeed = 1000

// demoRun is one mfapush demo: its settings, and the terminal it plays on
// (a test gives none, and a size).
type demoRun struct {
	settings config.Settings
	speed    float64
	loop     bool
	present  bool
	// headless: no terminal; the program draws width×height into the
	// recording only.
	headless      bool
	width, height int
	options       demo.Options // the clock, a test's script
}

func runDemo(cmd *cobra.Command, f *demoFlags) error {
	s, err := settingsFor(cmd)
	if err != nil {
		return err
	}
	catalog := catalogOf(s)
	speed, err := strconv.ParseFloat(f.speed, 64)
	if err != nil || !(speed > 0 && speed <= maxSpeed) { // NaN too
		return usageError{fmt.Errorf(catalog.Demo.BadSpeed, f.speed)}
	}
	run := demoRun{settings: s, speed: speed, loop: f.loop, present: demoPresents(cmd, f, s)}
	var recording *recording
	switch {
	case f.size != "":
		// No terminal: the recording is all there is.
		if run.width, run.height, err = parseSize(f.size); err != nil {
			return usageError{fmt.Errorf(catalog.Demo.Help.BadSize, f.size)}
		}
		if recordPath(cmd) == "" {
			return usageError{errors.New(catalog.Demo.Help.SizeNeedsRecord)}
		}
		run.headless = true
		recording, err = newRecording(recordPath(cmd), run.width, run.height, catalog)
	case !term.IsTerminal(os.Stdout.Fd()) || !term.IsTerminal(os.Stdin.Fd()):
		return errors.New(catalog.Demo.NeedsTerminal)
	default:
		recording, err = startRecording(cmd, catalog)
	}
	if err != nil {
		return err
	}
	code, err := run.play(cmd.Context(), recording)
	if recordErr := recording.close(catalog); recordErr != nil {
		fmt.Fprintf(cmd.ErrOrStderr(), catalog.CLI.Warning+"\n", recordErr)
	}
	if err != nil {
		return err
	}
	if status, ok := exitcode.BySignal(cmd.Context()); ok {
		return &ExitError{Code: status, Err: errReported}
	}
	if code != exitcode.OK {
		return &ExitError{Code: code, Err: errReported}
	}
	return nil
}

// play plays the story, again and again with --loop, each time on a new
// sandbox, as the story starts with Alice not enrolled. It returns the
// exit status: q after a whole story is no failure.
func (r demoRun) play(ctx context.Context, rec *recording) (int, error) {
	played := false
	for {
		d, err := r.playOnce(ctx, rec)
		// The next story starts as this one ended: a demo paused and
		// stepped through stays paused.
		r.options.Paused = d != nil && d.Paused()
		if err != nil {
			return exitcode.Error, err
		}
		if d.Err() != nil {
			return exitcode.Error, d.Err()
		}
		if !d.Finished() {
			if code := d.ExitCode(); code != exitcode.Cancelled || !played {
				return code, nil
			}
			return exitcode.OK, nil
		}
		played = true
		if !r.loop || ctx.Err() != nil {
			return exitcode.OK, nil
		}
	}
}

// playOnce plays the story once on a sandbox of its own.
func (r demoRun) playOnce(ctx context.Context, rec *recording) (*demo.Demo, error) {
	s := r.settings
	// The story is the sandbox's: whatever tenant is configured, and
	// nothing revealed.
	s.Domain, s.ClientID, s.ClientSecret, s.RevealSecrets = "", "", "", false
	catalog := catalogOf(s)
	// The program's commands and the script end with the program.
	ctx, stop := context.WithCancel(ctx)
	defer stop()
	log := trace.NewLog()
	t, err := openTenant(s, log.Observe)
	if err != nil {
		return nil, err
	}
	defer t.Close()
	rec.watch(t)
	opts := ui.Options{
		Env:   flow.Env{Client: t.client, Ctx: ctx, PollInterval: s.PollInterval},
		Theme: themeOf(s.Theme), Catalog: catalog, InvertQR: s.InvertQR, Trace: log,
		Sandbox: true, Phone: sandboxphone.New(t.sandbox.Phone), Present: r.present,
		DemoUsers:     func() []ui.DemoUser { return demoUsers(t, catalog, r.present) },
		SandboxEmails: func() []string { return sandboxEmails(t) },
	}
	o := r.options
	o.Speed, o.Catalog, o.World = r.speed, catalog, sandboxWorld{ctx: ctx, srv: t.sandbox, catalog: catalog}
	d := demo.New(ui.New(opts), o)

	programOptions := []tea.ProgramOption{tea.WithContext(ctx), tea.WithoutSignalHandler()}
	switch {
	case r.headless:
		// No terminal: Bubble Tea leaves the line feeds to the terminal
		// driver to begin lines with, as a terminal's would; TERM says
		// which sequences the renderer may use on the terminal the
		// recording is played on.
		recorded := io.Discard
		if rec.rec != nil {
			recorded = rec.rec.Tee(io.Discard)
			programOptions = append(programOptions, rec.followResizes())
		}
		programOptions = append(programOptions, tea.WithOutput(lineFeeds{d.Output(recorded, r.width, r.height)}),
			tea.WithInput(nil), tea.WithWindowSize(r.width, r.height),
			tea.WithEnvironment([]string{"TERM=xterm-256color"}), tea.WithColorProfile(colorprofile.ANSI256))
	default:
		var shown io.Writer = os.Stdout
		if rec.rec != nil {
			shown = rec.rec.Tee(os.Stdout)
			programOptions = append(programOptions, rec.followResizes())
		}
		width, height, err := term.GetSize(os.Stdout.Fd())
		if err != nil {
			width, height = 80, 24 // until the program says its window's size
		}
		programOptions = append(programOptions, tea.WithOutput(recordedTerminal{File: os.Stdout, tee: d.Output(shown, width, height)}))
	}
	program := tea.NewProgram(d.Model(), programOptions...)
	played := make(chan struct{})
	go func() {
		defer close(played)
		d.Play(ctx, program.Send)
	}()
	_, err = program.Run()
	stop()
	<-played
	d.Close()
	if err := programFailure(err); err != nil {
		return nil, err
	}
	return d, nil
}

// sandboxWorld tells the story what only the sandbox knows.
type sandboxWorld struct {
	ctx     context.Context
	srv     *sandbox.Server
	catalog *i18n.Catalog
}

// minOTPLife is the least time a code must stay current when the demo
// starts typing it: the typing and the check take about a second.
const minOTPLife = 4 * time.Second

// OTP is the code the user's Guardian app shows, one that stays current
// while the demo types it.
func (w sandboxWorld) OTP(user string) (string, error) {
	u, err := w.user(user)
	if err != nil {
		return "", err
	}
	for _, d := range w.srv.Phone.Devices() {
		if d.UserID != u.UserID || d.Kind != "" {
			continue
		}
		code, validFor, err := w.srv.Phone.OTP(d.ID)
		if err == nil && validFor < minOTPLife {
			select {
			case <-w.ctx.Done():
				return "", w.ctx.Err()
			case <-time.After(validFor + 100*time.Millisecond):
			}
			code, _, err = w.srv.Phone.OTP(d.ID)
		}
		return code, err
	}
	return "", fmt.Errorf(w.catalog.Demo.NoDevice, user)
}

// RecoveryCode is the user's recovery code now.
func (w sandboxWorld) RecoveryCode(user string) (string, error) {
	u, err := w.user(user)
	if err != nil {
		return "", err
	}
	return u.RecoveryCode, nil
}

func (w sandboxWorld) user(email string) (sandbox.DemoUser, error) {
	for _, u := range w.srv.Tenant.Users() {
		if u.Email == email {
			return u, nil
		}
	}
	return sandbox.DemoUser{}, fmt.Errorf(w.catalog.Demo.NoUser, email)
}

// lineFeeds writes "\r\n" for each "\n", as a terminal driver does for a
// program that did not make its terminal raw.
type lineFeeds struct{ w io.Writer }

func (l lineFeeds) Write(p []byte) (int, error) {
	if _, err := l.w.Write(bytes.ReplaceAll(p, []byte("\n"), []byte("\r\n"))); err != nil {
		return 0, err
	}
	return len(p), nil
}

// demoPresents says whether the demo runs in presenter mode: as --present
// says, else as the setting says, else yes.
func demoPresents(cmd *cobra.Command, f *demoFlags, s config.Settings) bool {
	if !cmd.Flags().Changed("present") && s.SourceOf("present").Kind != config.FromDefault {
		return s.Present
	}
	return f.present
}

// parseSize reads WIDTHxHEIGHT, no smaller than the interface's least
// window.
func parseSize(v string) (width, height int, err error) {
	w, h, ok := strings.Cut(v, "x")
	if ok {
		width, err = strconv.Atoi(w)
	}
	if ok && err == nil {
		height, err = strconv.Atoi(h)
	}
	if !ok || err != nil || width < 80 || height < 24 || width > 1000 || height > 1000 {
		return 0, 0, fmt.Errorf("bad size %q", v)
	}
	return width, height, nil
}
