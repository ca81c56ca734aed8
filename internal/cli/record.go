package cli

import (
	"errors"
	"fmt"
	"os"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/mfapush/mfapush/auth0/guardian"
	"github.com/mfapush/mfapush/internal/cast"
	"github.com/mfapush/mfapush/internal/i18n"
)

// recordFlag names the file a TUI run is recorded to.
const recordFlag = "record"

// addRecordFlag puts --record on a command that runs the interface.
func addRecordFlag(cmd *cobra.Command, t *i18n.Catalog) {
	cmd.Flags().String(recordFlag, "", t.Flags.Record)
}

// recordPath is the file --record names, or "".
func recordPath(cmd *cobra.Command) string {
	path, _ := cmd.Flags().GetString(recordFlag)
	return path
}

// checkRecordable refuses --record on a run that would not show the
// interface: plain output cannot be recorded.
func checkRecordable(cmd *cobra.Command) error {
	if recordPath(cmd) != "" && plainWanted(cmd) {
		s, _, _ := loadSettings(cmd)
		return usageError{errors.New(catalogOf(s).CLI.RecordNeedsInterface)}
	}
	return nil
}

// recording is a TUI run being recorded. Its zero value records nothing.
type recording struct {
	file    *os.File
	rec     *cast.Recorder
	secrets *cast.Secrets
}

// startRecording opens the file of --record, if given, and starts the
// recording at the terminal's size.
func startRecording(cmd *cobra.Command, catalog *i18n.Catalog) (*recording, error) {
	path := recordPath(cmd)
	if path == "" {
		return &recording{}, nil
	}
	width, height, err := term.GetSize(os.Stdout.Fd())
	if err != nil {
		return nil, fmt.Errorf(catalog.CLI.RecordFailed, path, err)
	}
	return newRecording(path, width, height, catalog)
}

// newRecording starts recording to path a terminal of that size.
func newRecording(path string, width, height int, catalog *i18n.Catalog) (*recording, error) {
	// Private, as the codes a person saves: a recording tells what was done.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return nil, fmt.Errorf(catalog.CLI.RecordFailed, path, err)
	}
	r := &recording{file: f, secrets: cast.NewSecrets()}
	r.rec, err = cast.NewRecorder(f, cast.Options{
		Width: width, Height: height, Title: "mfapush", Secrets: r.secrets,
		Env: map[string]string{"TERM": os.Getenv("TERM"), "SHELL": os.Getenv("SHELL")},
	})
	if err != nil {
		f.Close()
		return nil, fmt.Errorf(catalog.CLI.RecordFailed, path, err)
	}
	return r, nil
}

// watch masks, in the recording, every secret the tenant's clients meet
// (the MFA application's and the helpdesk's), and the sandbox's demo
// passwords and recovery codes, which its home screen shows.
func (r *recording) watch(t *tenant) {
	if r.rec == nil {
		return
	}
	if t.client != nil {
		t.client.WatchSecrets(r.learn)
	}
	for _, c := range t.helpdesk {
		c.WatchSecrets(r.learn)
	}
	if t.sandbox != nil {
		for _, u := range t.sandbox.Tenant.Users() {
			r.learn("PASSWORD", u.Password)
			r.learn("RECOVERY_CODE", u.RecoveryCode)
		}
	}
}

// learn adds a secret the way its kind is written: a password is masked
// whole only, as any run of its letters may be an ordinary word; the
// enrollment link whole, and its ticket and key like the random values
// they are; anything else is a random value.
func (r *recording) learn(variable, value string) {
	switch variable {
	case "PASSWORD":
		r.secrets.Add(value)
	case "BARCODE_URI":
		r.secrets.Add(value)
		if e, err := guardian.ParseBarcodeURI(value); err == nil {
			r.secrets.AddToken(e.TransactionID)
			r.secrets.AddToken(e.Secret)
		}
	default:
		r.secrets.AddToken(value)
	}
}

// programOptions send the program's output to the terminal and the
// recording, and its window's sizes to the recording.
func (r *recording) programOptions() []tea.ProgramOption {
	if r.rec == nil {
		return nil
	}
	return []tea.ProgramOption{tea.WithOutput(recordedTerminal{File: os.Stdout, tee: r.rec.Tee(os.Stdout)}), r.followResizes()}
}

// followResizes records the program's window's sizes.
func (r *recording) followResizes() tea.ProgramOption {
	return tea.WithFilter(func(_ tea.Model, msg tea.Msg) tea.Msg {
		if size, ok := msg.(tea.WindowSizeMsg); ok {
			r.rec.Resize(size.Width, size.Height)
		}
		return msg
	})
}

// close ends the recording: what the mask still held is written.
func (r *recording) close(catalog *i18n.Catalog) error {
	if r.rec == nil {
		return nil
	}
	err := errors.Join(r.rec.Close(), r.file.Close())
	if err != nil {
		return fmt.Errorf(catalog.CLI.RecordFailed, r.file.Name(), err)
	}
	return nil
}

// recordedTerminal is the terminal as Bubble Tea sees it (a file, so that
// it knows its size and colours) whose output goes through tee: to the
// recording, the demo's own terminal, or both.
type recordedTerminal struct {
	*os.File
	tee interface{ Write([]byte) (int, error) }
}

func (t recordedTerminal) Write(p []byte) (int, error) { return t.tee.Write(p) }
