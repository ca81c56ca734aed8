package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/charmbracelet/x/term"

	"github.com/mfapush/mfapush/internal/exitcode"
	"github.com/mfapush/mfapush/internal/i18n"
	"github.com/mfapush/mfapush/internal/plain"
)

// confirmReveal asks before secrets of a real tenant are shown: on screen
// they can be read by anyone watching or sharing the screen. The sandbox's
// secrets are demo values, so no question is asked there. The question
// needs a terminal on in, and ends with ctx (Ctrl+C).
func confirmReveal(ctx context.Context, reveal, sandbox bool, domain string, t *i18n.Catalog, in io.Reader, errOut io.Writer) error {
	if !reveal || sandbox {
		return nil
	}
	f, ok := in.(*os.File)
	if !ok || !term.IsTerminal(f.Fd()) {
		return errors.New(t.CLI.RevealNeedsTerminal)
	}
	tty, closeTTY := plain.OpenTerminal(f, errOut)
	defer closeTTY()
	return askReveal(ctx, tty, domain, t)
}

// askReveal goes on only after a yes; anything else, or the end of the
// input, keeps the secrets hidden: the person said no (exit status 2).
func askReveal(ctx context.Context, tty plain.Terminal, domain string, t *i18n.Catalog) error {
	answer, err := tty.ReadLine(ctx, fmt.Sprintf(t.CLI.RevealPrompt, domain))
	switch {
	case ctx.Err() != nil:
		return errReported // the signal gives the status; there is nothing to explain
	case err != nil && !errors.Is(err, io.EOF):
		return err
	}
	switch strings.ToLower(strings.TrimSpace(answer)) {
	case strings.ToLower(t.CLI.Yes), "yes":
		return nil
	}
	return &ExitError{Code: exitcode.Cancelled, Err: errors.New(t.CLI.RevealDeclined)}
}
