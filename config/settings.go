// Package config works out mfapush's settings from the command line, the
// environment and the config file, says where each one came from, and decides
// whether mfapush talks to a real Auth0 tenant or to its built-in sandbox.
//
// Precedence: flags, then environment, then the selected profile of the
// config file, then defaults.
package config

import (
	"fmt"
	"net/url"
	"time"

	"github.com/mfapush/mfapush/internal/i18n"
)

// Settings is the effective configuration.
type Settings struct {
	Domain       string   // tenant domain as given; "" on the sandbox
	TenantURL    *url.URL // Domain parsed by auth0.ParseDomain; nil when unset or invalid
	ClientID     string
	ClientSecret string // "" for a public (Native) application or the sandbox
	Audience     string
	Realm        string // database connection for the password-realm grant; "" for the default directory
	Username     string

	// The helpdesk's machine-to-machine application (Management API and
	// CIBA); both empty when none is configured.
	HelpdeskClientID     string
	HelpdeskClientSecret string

	PollInterval  time.Duration
	Theme         string // ThemeAuto, ThemeLight or ThemeDark
	Lang          string // LangEnglish or LangFrench
	RevealSecrets bool
	Plain         bool
	InvertQR      bool
	// Present is presenter mode: for a projector, secrets masked.
	Present bool

	Profile    string   // selected profile, "" when none
	File       string   // config file consulted, "" when no path could be worked out
	FileExists bool     // whether File was there
	Profiles   []string // profiles in File, in file order

	sources map[string]Source
}

// Themes and languages.
const (
	ThemeAuto  = "auto"
	ThemeLight = "light"
	ThemeDark  = "dark"

	LangEnglish = "en"
	LangFrench  = "fr"
)

// Poll intervals: Auth0 allows one mfa-oob token request every 5 seconds per
// session; the embedded sandbox allows faster polls so that demos are snappy.
const (
	DefaultPollInterval        = 5 * time.Second
	DefaultSandboxPollInterval = 1 * time.Second
	MaxPollInterval            = 60 * time.Second
	// MinPollInterval is the floor against a real tenant: Auth0 answers 12
	// mfa-oob polls a minute, so faster polls only earn slow_down.
	MinPollInterval = 1 * time.Second
	// MinSandboxPollInterval is the floor on the sandbox, embedded or on
	// loopback: it polls as fast as a demo wants, short of a busy loop.
	MinSandboxPollInterval = 10 * time.Millisecond
)

// SourceOf says where a setting came from. field is the setting's key in the
// config file ("domain", "client_id", "poll_interval", ...), or "profile" for
// the profile selection and "config" for the config file path.
func (s Settings) SourceOf(field string) Source {
	return s.sources[field]
}

// UsesSandbox reports whether mfapush should start its embedded sandbox: no
// tenant setting (domain, client ID, client secret) came from any source.
func (s Settings) UsesSandbox() bool {
	return s.Domain == "" && s.ClientID == "" && s.ClientSecret == ""
}

// HasMFAApp reports whether the MFA application, the one users sign in
// with, is configured (the sandbox has its own). Without it only the
// helpdesk's commands can run.
func (s Settings) HasMFAApp() bool {
	return s.UsesSandbox() || s.ClientID != ""
}

// HelpdeskOnly reports whether a tenant is configured with the helpdesk's
// application alone.
func (s Settings) HelpdeskOnly() bool {
	return !s.HasMFAApp() && s.HelpdeskClientID != ""
}

// MissingMFAApp is the problem of starting a sign-in, enroll or challenge
// with the helpdesk's application alone: what to set, every way. It is nil
// when the MFA application is configured.
func (s Settings) MissingMFAApp() *Error {
	if s.HasMFAApp() {
		return nil
	}
	return &Error{Setting: keyClientID, Message: say(func(w *words) string { return w.NoMFAApp }, missingPlaceIn(s, keyClientID))}
}

// SourceKind tells which layer a value came from.
type SourceKind int

// The layers, lowest precedence first.
const (
	FromDefault SourceKind = iota
	FromFile
	FromEnv
	FromFlag
)

// Source is where a value came from.
type Source struct {
	Kind SourceKind
	// Name is the flag ("--domain"), the environment variable ("AUTH0_DOMAIN")
	// or the config file key ("domain", "client_secret_file"); "" for the file
	// as a whole or a default.
	Name    string
	File    string // config file, for FromFile
	Profile string // profile holding the key, for FromFile
	Line    int    // line of the key in File, 0 when unknown
	Ref     string // what a client_secret_file or client_secret_env key points at
}

// String names the source in full, in English.
func (s Source) String() string { return s.Text(english) }

// Text names the source in full, for messages, in c's words.
func (s Source) Text(c *i18n.Catalog) string {
	w := &c.Config
	switch s.Kind {
	case FromFlag:
		return fmt.Sprintf(w.FromFlag, s.Name)
	case FromEnv:
		return fmt.Sprintf(w.FromEnv, s.Name)
	case FromFile:
		where := printable(s.File)
		if s.Profile != "" {
			where = fmt.Sprintf(w.InProfile, where, printable(s.Profile))
		}
		if s.Name != "" {
			where = fmt.Sprintf(w.AtKey, where, s.Name)
		}
		if s.Line > 0 {
			where = fmt.Sprintf(w.AtLine, where, s.Line)
		}
		return where
	}
	return w.Default
}

// Short names the source briefly, for a column next to the value.
func (s Source) Short(c *i18n.Catalog) string {
	w := &c.Config
	switch {
	case s.Kind == FromFile && (s.Name == keySecretFile || s.Name == keyHelpdeskSecretFile):
		return fmt.Sprintf(w.ShortFile, printable(s.Ref))
	case s.Kind == FromFile && (s.Name == keySecretEnv || s.Name == keyHelpdeskSecretEnv):
		return fmt.Sprintf(w.ShortEnvProfile, printable(s.Ref), printable(s.Profile))
	case s.Kind == FromFile && s.Profile != "":
		return fmt.Sprintf(w.ShortProfile, printable(s.Profile))
	case s.Kind == FromFile:
		return fmt.Sprintf(w.ShortInFile, s.Name)
	}
	return s.Text(c)
}

// Warning is something worth telling the user that does not stop mfapush.
type Warning struct {
	Setting string
	Source  Source
	Message i18n.Message
}

// String is the warning in English.
func (w Warning) String() string { return w.Text(english) }

// Text is the warning in c's words.
func (w Warning) Text(c *i18n.Catalog) string {
	return fmt.Sprintf(c.Config.WarningLine, w.Setting, w.Message.In(c))
}

// Error is one problem with the settings. Load joins them with errors.Join.
type Error struct {
	Setting string       // the setting's key, or "config" for the file as a whole
	Source  Source       // where the bad value came from; FromDefault when it is missing
	Message i18n.Message // what is wrong, then what to set; never holds a secret
}

// Error is the problem in English.
func (e *Error) Error() string { return e.Text(english) }

// Text is the problem in c's words.
func (e *Error) Text(c *i18n.Catalog) string {
	where := c.Config.NotSetSource
	if e.Source.Kind != FromDefault {
		where = e.Source.Text(c)
	}
	return fmt.Sprintf(c.Config.Problem, e.Setting, where, e.Message.In(c))
}

// Problems lists the *Error values inside err, as Load returns it.
func Problems(err error) []*Error {
	var out []*Error
	var walk func(error)
	walk = func(err error) {
		switch e := err.(type) {
		case nil:
		case *Error:
			out = append(out, e)
		case interface{ Unwrap() []error }:
			for _, inner := range e.Unwrap() {
				walk(inner)
			}
		}
	}
	walk(err)
	return out
}
