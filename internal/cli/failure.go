package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode"
	"unicode/utf8"

	"charm.land/fang/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/mfapush/mfapush/internal/exitcode"
	"github.com/mfapush/mfapush/internal/i18n"
)

// How a command that failed ends: its status (package exitcode has the
// table) and the report on stderr.

// ExitError carries a specific exit status for an error.
type ExitError struct {
	Code int
	Err  error
}

func (e *ExitError) Error() string { return e.Err.Error() }
func (e *ExitError) Unwrap() error { return e.Err }

// errReported ends a command whose failure its own output already
// explained: nothing more is printed.
var errReported = errors.New("the failure was reported above")

// usageError is a mistake in the command line: its report points to --help.
type usageError struct{ error }

func (e usageError) Unwrap() error { return e.error }

// noArgs refuses arguments as cobra.NoArgs does, worded in t.
func noArgs(t *i18n.Catalog) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) > 0 {
			return usageError{fmt.Errorf(t.CLI.UnknownCommand, args[0], cmd.CommandPath())}
		}
		return nil
	}
}

// exitStatus is the process's status once the command ran: the one its
// error carries, else the signal's that ended ctx, else 1 for an error.
func exitStatus(ctx context.Context, err error) int {
	var exit *ExitError
	if errors.As(err, &exit) {
		return exit.Code
	}
	if status, ok := exitcode.BySignal(ctx); ok {
		return status
	}
	if err != nil {
		return exitcode.Error
	}
	return exitcode.OK
}

// execute runs the command line as Main does and returns the error of the
// command that ran. No error reaches fang: its error handler first asks
// the terminal for its background colour, reading stdin, which hangs
// while a password prompt still holds the terminal, takes seconds
// otherwise, and writes queries even under NO_COLOR. So every command
// hands its error over instead of returning it, and the caller reports it.
func execute(ctx context.Context, root *cobra.Command, t *i18n.Catalog) error {
	var kept error
	keepErrors(root, &kept)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error {
		kept = flagError(err, t)
		return nil // nothing runs after a flag error, and fang sees none
	})
	ignore := func(io.Writer, fang.Styles, error) {}
	if err := fang.Execute(ctx, root, fang.WithVersion(Version()), fang.WithErrorHandler(ignore)); err != nil && kept == nil {
		kept = err // from a command fang added (man), which only fails to write
	}
	return kept
}

// keepErrors makes c and its subcommands store their error in kept and
// return none; their argument checks run first, inside, for the same
// reason.
func keepErrors(c *cobra.Command, kept *error) {
	if run := c.RunE; run != nil {
		check := c.Args
		c.Args = cobra.ArbitraryArgs
		c.RunE = func(cmd *cobra.Command, args []string) error {
			if check != nil {
				if err := check(cmd, args); err != nil {
					if !errors.As(err, new(usageError)) {
						err = usageError{err}
					}
					*kept = err
					return nil
				}
			}
			*kept = run(cmd, args)
			return nil
		}
	}
	for _, sub := range c.Commands() {
		keepErrors(sub, kept)
	}
}

// reportError prints err under a header, as fang would, worded in t;
// nothing when there is no error or it was reported already. Colours only
// on a terminal that allows them, fixed ones that read on any background:
// nothing is asked of the terminal.
func reportError(w io.Writer, err error, t *i18n.Catalog) {
	if err == nil || errors.Is(err, errReported) {
		return
	}
	header, width := lipgloss.NewStyle(), 0
	if useColor(w) {
		header = header.Bold(true).Foreground(lipgloss.Color("#FFFAF1")).Background(lipgloss.Color("#FF388B"))
	}
	if f, ok := w.(*os.File); ok && term.IsTerminal(f.Fd()) {
		if cols, _, err := term.GetSize(f.Fd()); err == nil {
			width = cols - 4
		}
	}
	var b strings.Builder
	b.WriteString("\n  " + header.Render(" "+t.CLI.ErrorHeader+" ") + "\n\n")
	b.WriteString(indent(capitalize(err.Error())+".", width) + "\n\n")
	if errors.As(err, new(usageError)) {
		b.WriteString(indent(fmt.Sprintf(t.CLI.TryHelp, "--help"), width) + "\n\n")
	}
	_, _ = colorprofile.NewWriter(w, os.Environ()).Write([]byte(b.String()))
}

// indent wraps s at width (0: not at all) and indents it by two spaces.
func indent(s string, width int) string {
	if width > 0 {
		s = ansi.Wrap(s, width, "")
	}
	return "  " + strings.ReplaceAll(s, "\n", "\n  ")
}

// capitalize puts the first letter of s in upper case: messages start
// with a lower-case word so that they read inside a sentence too.
func capitalize(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[size:]
}
