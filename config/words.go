package config

import (
	"strings"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/internal/i18n"
)

// Messages are worded when they are printed, in the catalog of whoever
// prints them: Load runs before anyone knows the language, and the
// settings themselves may choose it.

type words = i18n.ConfigWords

// say is a message of the catalog's Config section, filled with args.
func say(pick func(*words) string, args ...any) i18n.Message {
	return i18n.Say(func(c *i18n.Catalog) string { return pick(&c.Config) }, args...)
}

// count is a message of the Config section about n things, its singular
// or plural by the printer's language, filled with n.
func count(n int, pick func(*words) (one, many string)) i18n.Message {
	return i18n.Say(func(c *i18n.Catalog) string {
		one, many := pick(&c.Config)
		return c.Plural(n, one, many)
	}, n)
}

// verbatim is a value as it is, in every language.
func verbatim(s string) i18n.Message {
	return i18n.Say(func(*i18n.Catalog) string { return "%s" }, s)
}

// list joins values the catalog's way: "a, b or c".
func list(items []string, last func(*words) string) i18n.Message {
	switch len(items) {
	case 0:
		return verbatim("")
	case 1:
		return verbatim(items[0])
	}
	return say(last, strings.Join(items[:len(items)-1], ", "), items[len(items)-1])
}

// commaList joins messages with commas, in every language.
func commaList(items []any) i18n.Message {
	return i18n.Say(func(*i18n.Catalog) string { return strings.TrimSuffix(strings.Repeat("%s, ", len(items)), ", ") }, items...)
}

// sourceWords names a source in the printer's language.
type sourceWords Source

func (s sourceWords) In(c *i18n.Catalog) string { return Source(s).Text(c) }

// domainReason says why auth0.ParseDomain refused a domain, in the
// printer's language; auth0 words it only in English.
func domainReason(de *auth0.DomainError) i18n.Message {
	example := say(func(w *words) string { return w.DomainExample })
	switch de.Problem {
	case auth0.DomainEmpty:
		return say(func(w *words) string { return w.DomainEmpty }, example)
	case auth0.DomainPlaceholder:
		return say(func(w *words) string { return w.DomainPlaceholder }, example)
	case auth0.DomainNotHost:
		return say(func(w *words) string { return w.DomainNotHost }, example)
	case auth0.DomainHTTP:
		return say(func(w *words) string { return w.DomainHTTP }, de.Host, de.Host)
	case auth0.DomainScheme:
		return say(func(w *words) string { return w.DomainScheme }, de.Host)
	case auth0.DomainUserinfo:
		return say(func(w *words) string { return w.DomainUserinfo })
	case auth0.DomainPath:
		return say(func(w *words) string { return w.DomainPath }, de.Host)
	case auth0.DomainBadPort:
		return say(func(w *words) string { return w.DomainPort })
	}
	return say(func(w *words) string { return w.DomainBad }, de.Reason)
}

var english = i18n.For(i18n.English)
