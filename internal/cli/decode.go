package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/mfapush/mfapush/flow"
	"github.com/mfapush/mfapush/internal/exitcode"
	"github.com/mfapush/mfapush/internal/i18n"
	"github.com/mfapush/mfapush/internal/plain"
)

func newDecodeCommand(t *i18n.Catalog) *cobra.Command {
	return &cobra.Command{
		Use:   "decode",
		Short: t.Help.Decode,
		// Commands only: the same in every language.
		Example: t.Help.Examples.Decode,
		Args:    noArgs(t),
		RunE: func(cmd *cobra.Command, _ []string) error {
			// Only the language matters here: a broken tenant setting must
			// not stop a token from being decoded.
			s, _, _ := loadSettings(cmd)
			t := catalogOf(s)
			token, err := readToken(cmd.Context(), cmd.InOrStdin(), cmd.ErrOrStderr(), t)
			if err != nil {
				return err
			}
			return printDecoded(token, cmd.OutOrStdout(), t, time.Now())
		},
	}
}

// readToken asks for the token on a terminal, or reads it from the pipe.
// Both give up when ctx ends (Ctrl+C).
func readToken(ctx context.Context, in io.Reader, prompts io.Writer, t *i18n.Catalog) (string, error) {
	if f, ok := in.(*os.File); ok && term.IsTerminal(f.Fd()) {
		return pasteToken(ctx, f, prompts, t)
	}
	type result struct {
		token string
		err   error
	}
	done := make(chan result, 1)
	go func() {
		token, err := firstToken(in, t)
		done <- result{token, err}
	}()
	select {
	case r := <-done:
		return r.token, r.err
	case <-ctx.Done(): // the read goes on only until the process exits, now
		return "", errReported
	}
}

// pasteToken asks for the token on the terminal, without echo: it may be
// live, and the screen may be shared. An empty line asks again; the end of
// the input (Ctrl+D) gives up.
func pasteToken(ctx context.Context, stdin *os.File, prompts io.Writer, t *i18n.Catalog) (string, error) {
	tty, closeTTY := plain.OpenTerminal(stdin, prompts)
	defer closeTTY()
	for {
		line, err := tty.ReadPassword(ctx, t.Decode.Prompt)
		switch {
		case ctx.Err() != nil:
			return "", errReported // the signal gives the status
		case errors.Is(err, io.EOF):
			fmt.Fprintln(prompts, t.Decode.Cancelled)
			return "", &ExitError{Code: exitcode.Cancelled, Err: errReported}
		case err != nil:
			return "", err
		}
		if token := bareToken(line); token != "" {
			return token, nil
		}
	}
}

// printDecoded prints what a token says. The token itself is never
// printed: it may be live.
func printDecoded(token string, out io.Writer, t *i18n.Catalog, now time.Time) error {
	d, err := flow.DecodeToken(token)
	if err != nil {
		return errors.New(t.Decode.NotJWT)
	}
	tw := tabwriter.NewWriter(out, 2, 8, 2, ' ', 0)
	fmt.Fprintln(tw, t.Decode.Header)
	for _, c := range d.Header {
		fmt.Fprintf(tw, "  %s\t%s\n", c.Name, c.Value)
	}
	fmt.Fprintln(tw, t.Decode.Claims)
	for _, c := range d.Claims {
		value := c.Value
		if !c.Time.IsZero() {
			value += "  (" + c.Time.UTC().Format("2006-01-02 15:04:05 UTC") + ")"
		}
		fmt.Fprintf(tw, "  %s\t%s\n", c.Name, value)
	}
	switch {
	case d.ExpiresAt.IsZero():
		fmt.Fprintln(tw, t.Decode.NoExpiry)
	case d.ExpiresAt.After(now):
		fmt.Fprintf(tw, t.Decode.ExpiresIn+"\n", t.FormatDuration(d.ExpiresAt.Sub(now)))
	default:
		fmt.Fprintf(tw, t.Decode.ExpiredAgo+"\n", t.FormatDuration(now.Sub(d.ExpiresAt)))
	}
	fmt.Fprintln(tw, t.Decode.NotVerified)
	return tw.Flush()
}

// firstToken reads the first non-empty line.
func firstToken(in io.Reader, t *i18n.Catalog) (string, error) {
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		if token := bareToken(sc.Text()); token != "" {
			return token, nil
		}
	}
	if err := sc.Err(); err != nil {
		return "", err
	}
	return "", errors.New(t.Decode.NoToken)
}

// bareToken is a line without its spaces and a "Bearer " before it, so
// that a header value can be pasted as is.
func bareToken(line string) string {
	return strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line), "Bearer "))
}
