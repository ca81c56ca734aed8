package cli

import (
	"io"
	"slices"
	"strings"

	"github.com/mfapush/mfapush/internal/i18n"
)

// fang draws the help with a few words of its own (the section headings and
// the "[command] [--flags]" of the usage lines) that no option changes. When the help
// is shown in another language, its output goes through a writer that puts
// those words in that language.

// wantsHelp reports whether the arguments ask for help.
func wantsHelp(args []string) bool {
	return slices.ContainsFunc(args, func(a string) bool { return a == "-h" || a == "--help" }) ||
		len(args) > 0 && args[0] == "help"
}

// helpWords returns a writer that words fang's headings from the catalog,
// or w itself when the catalog's words are fang's own.
func helpWords(w io.Writer, t *i18n.Catalog) io.Writer {
	h := t.Help.Headings
	// Every command's line ends in "[--flags]", some have "[command]" too:
	// both grow by the same width, so the descriptions stay in one column.
	grow := max(len([]rune(h.CommandPlaceholder))-len("[command]"), 0)
	r := strings.NewReplacer("USAGE", h.Usage, "EXAMPLES", h.Examples, "FLAGS", h.Flags,
		"[command] [--flags]", h.CommandPlaceholder+" "+h.FlagsPlaceholder,
		"[--flags]", h.FlagsPlaceholder+strings.Repeat(" ", grow), "[command]", h.CommandPlaceholder)
	if fangs := "USAGE EXAMPLES FLAGS [--flags] [command]"; r.Replace(fangs) == fangs {
		return w
	}
	return replacingWriter{w: w, r: r}
}

// replacingWriter rewrites whole writes; fang writes each line at once, so
// no word is split across writes.
type replacingWriter struct {
	w io.Writer
	r *strings.Replacer
}

func (rw replacingWriter) Write(p []byte) (int, error) {
	if _, err := io.WriteString(rw.w, rw.r.Replace(string(p))); err != nil {
		return 0, err
	}
	return len(p), nil
}
