package cli

import (
	"fmt"
	"io"
	"os"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/mfapush/mfapush/config"
	"github.com/mfapush/mfapush/internal/i18n"
)

func newConfigCommand(t *i18n.Catalog) *cobra.Command {
	cmd := &cobra.Command{
		Use:     "config",
		Short:   t.Help.Config,
		Long:    t.Help.ConfigLong,
		Example: t.Help.Examples.Config,
		Args:    noArgs(t),
		RunE: func(cmd *cobra.Command, _ []string) error {
			s, warnings, err := loadSettings(cmd)
			t := catalogOf(s)
			if rerr := confirmReveal(cmd.Context(), s.RevealSecrets, s.UsesSandbox(), s.Domain, t, cmd.InOrStdin(), cmd.ErrOrStderr()); rerr != nil {
				return rerr
			}
			problems := config.Problems(err)
			out := cmd.OutOrStdout()
			color := useColor(out)
			report := settingsReport(s, warnings, problems, newReportStyles(color), t)
			write := io.WriteString
			if color {
				write = func(w io.Writer, s string) (int, error) { return lipgloss.Fprint(w, s) } // fits the styles to what the terminal can show
			}
			if _, werr := write(out, report); werr != nil {
				return werr
			}
			switch {
			case len(problems) > 0:
				return fmt.Errorf(t.Plural(len(problems), t.CLI.ProblemOne, t.CLI.ProblemMany), len(problems))
			case err != nil: // not one of config's own problems: show it as it is
				return err
			}
			return nil
		},
	}
	addTenantFlags(cmd.Flags(), t)
	return cmd
}

// settingsReport lays out the settings as aligned columns, then the
// warnings and problems.
func settingsReport(s config.Settings, warnings []config.Warning, problems []*config.Error, st reportStyles, t *i18n.Catalog) string {
	w := &t.Config
	lines := config.Describe(s, t)
	labelWidth, valueWidth := 0, 0
	for _, l := range lines {
		labelWidth = max(labelWidth, lipgloss.Width(l.Label))
		if l.Source != "" { // a value without a source, like the file path, may be long: it sets no column
			valueWidth = max(valueWidth, lipgloss.Width(l.Value))
		}
	}
	var b strings.Builder
	for _, l := range lines {
		row := st.label.Render(pad(l.Label, labelWidth)) + "  "
		if l.Source == "" {
			row += l.Value
		} else {
			row += pad(l.Value, valueWidth) + "  " + st.source.Render(l.Source)
		}
		b.WriteString(strings.TrimRight(row, " ") + "\n")
	}
	switch {
	case len(problems) > 0:
	case s.UsesSandbox():
		b.WriteString("\n" + w.SandboxNote + "\n")
	case s.HelpdeskOnly():
		b.WriteString("\n" + w.HelpdeskOnly + "\n")
	}
	if len(warnings) > 0 {
		b.WriteString("\n" + st.heading.Render(w.Warnings) + "\n")
		for _, warning := range warnings {
			b.WriteString("  " + st.warning.Render("!") + " " + warning.Text(t) + "\n")
		}
	}
	if len(problems) > 0 {
		b.WriteString("\n" + st.heading.Render(w.Problems) + "\n")
		for _, p := range problems {
			b.WriteString("  " + st.problem.Render("✗") + " " + p.Text(t) + "\n")
		}
	} else {
		b.WriteString("\n" + st.ok.Render("✓") + " " + w.NoProblems + "\n")
	}
	return b.String()
}

type reportStyles struct {
	label, source, heading, warning, problem, ok lipgloss.Style
}

// newReportStyles styles the report, or leaves it plain (zero styles
// render text unchanged).
func newReportStyles(color bool) reportStyles {
	if !color {
		return reportStyles{}
	}
	return reportStyles{
		label:   lipgloss.NewStyle().Bold(true),
		source:  lipgloss.NewStyle().Faint(true),
		heading: lipgloss.NewStyle().Bold(true).Underline(true),
		warning: lipgloss.NewStyle().Foreground(lipgloss.Yellow).Bold(true),
		problem: lipgloss.NewStyle().Foreground(lipgloss.Red).Bold(true),
		ok:      lipgloss.NewStyle().Foreground(lipgloss.Green).Bold(true),
	}
}

// useColor: style only a terminal, and never when NO_COLOR asks not to.
func useColor(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(f.Fd()) && os.Getenv("NO_COLOR") == ""
}

func pad(s string, width int) string {
	return s + strings.Repeat(" ", max(0, width-lipgloss.Width(s)))
}
