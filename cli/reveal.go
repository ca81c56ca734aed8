package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/charmbracelet/x/term"

	"github.com/mfapush/mfapush/exitcode"
	"github.com/mfapush/mfapush/i18n"
)

// confirmReveal asks before secrets of a real tenant are shown: on screen
// they can be read by anyone watching or sharing the screen. The sandbox's
// secrets are demo values, so no question is asked there.
func confirmReveal(reveal, sandbox bool, domain string, t *i18n.Catalog, in *os.File, errOut io.Writer) error {
	if !reveal || sandbox {
		return nil
	}
	if !term.IsTerminal(in.Fd()) {
		return errors.New(t.CLI.RevealNeedsTerminal)
	}
	return askReveal(in, errOut, domain, t)
}

func askReveal(in io.Reader, errOut io.Writer, domain string, t *i18n.Catalog) error {
	fmt.Fprintf(errOut, t.CLI.RevealPrompt, domain)
	answer, _ := bufio.NewReader(in).ReadString('\n')
	switch strings.ToLower(strings.TrimSpace(answer)) {
	case strings.ToLower(t.CLI.Yes), "yes":
		return nil
	}
	return &ExitError{Code: exitcode.Cancelled, Err: errors.New(t.CLI.RevealDeclined)}
}
