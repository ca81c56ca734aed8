package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/mfapush/mfapush/flow"
	"github.com/mfapush/mfapush/i18n"
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
			return decodeToken(cmd.InOrStdin(), cmd.OutOrStdout(), catalogOf(s), time.Now())
		},
	}
}

// decodeToken prints what a token says. The token itself is never printed:
// it may be live.
func decodeToken(in io.Reader, out io.Writer, t *i18n.Catalog, now time.Time) error {
	token, err := readToken(in, t)
	if err != nil {
		return &ExitError{Code: 1, Err: err}
	}
	d, err := flow.DecodeToken(token)
	if err != nil {
		return &ExitError{Code: 1, Err: errors.New(t.Decode.NotJWT)}
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

// readToken reads the first non-empty line; "Bearer " is dropped, so a
// header value can be pasted as is.
func readToken(in io.Reader, t *i18n.Catalog) (string, error) {
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		line = strings.TrimSpace(strings.TrimPrefix(line, "Bearer "))
		if line != "" {
			return line, nil
		}
	}
	if err := sc.Err(); err != nil {
		return "", err
	}
	return "", errors.New(t.Decode.NoToken)
}
