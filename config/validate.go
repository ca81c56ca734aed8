package config

import (
	"errors"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/internal/i18n"
)

// What each text setting should be set to, for messages.
var wanted = map[string]func(*words) string{
	keyClientID:     func(w *words) string { return w.WantClientID },
	keyClientSecret: func(w *words) string { return w.WantClientSecret },
	keyAudience:     func(w *words) string { return w.WantAudience },
	keyRealm:        func(w *words) string { return w.WantRealm },
	keyUsername:     func(w *words) string { return w.WantUsername },

	keyHelpdeskClientID: func(w *words) string { return w.WantHelpdeskClientID },
	keyHelpdeskSecret:   func(w *words) string { return w.WantHelpdeskClientSecret },
}

// apply checks each value that was given and puts it into the settings.
func (l *loader) apply() {
	s := &l.s
	texts := map[string]*string{keyClientID: &s.ClientID, keyClientSecret: &s.ClientSecret, keyAudience: &s.Audience, keyRealm: &s.Realm, keyUsername: &s.Username,
		keyHelpdeskClientID: &s.HelpdeskClientID, keyHelpdeskSecret: &s.HelpdeskClientSecret}
	switches := map[string]*bool{keyRevealSecrets: &s.RevealSecrets, keyPlain: &s.Plain, keyInvertQR: &s.InvertQR, keyPresent: &s.Present}
	for _, o := range options {
		v, ok := l.raw[o.Key]
		if !ok {
			continue
		}
		s.sources[o.Key] = v.src
		before := len(l.errs)
		switch {
		case texts[o.Key] != nil:
			*texts[o.Key] = l.checkText(o.Key, v)
		case switches[o.Key] != nil:
			*switches[o.Key] = l.checkBool(o.Key, v)
		case o.Key == keyDomain:
			s.Domain = v.text
			s.TenantURL = l.checkDomain(v)
		case o.Key == keyPollInterval:
			s.PollInterval = l.checkPollInterval(v)
		case o.Key == keyTheme:
			s.Theme = l.checkChoice(o.Key, v, strings.ToLower(v.text), say(func(w *words) string { return w.ATheme }), ThemeAuto, ThemeLight, ThemeDark)
		case o.Key == keyLang:
			s.Lang = l.checkChoice(o.Key, v, languageTag(v.text), say(func(w *words) string { return w.ALanguage }), LangEnglish, LangFrench)
		}
		if isSecretKey(o.Key) && v.src.Kind == FromFlag {
			l.warn(o.Key, v.src, say(func(w *words) string { return w.SecretAsFlag }))
		}
		if len(l.errs) > before && !slices.Contains(tenantKeys, o.Key) {
			delete(s.sources, o.Key) // refused: the default stands in
		}
	}
}

// tenantKeys keep a refused value, so that the tenant decision and the
// display still see what was given.
var tenantKeys = []string{keyDomain, keyClientID, keyClientSecret, keyAudience, keyRealm, keyUsername, keyHelpdeskClientID, keyHelpdeskSecret}

func (l *loader) checkDomain(v rawValue) *url.URL {
	u, err := auth0.ParseDomain(v.text)
	if err == nil {
		return u
	}
	var de *auth0.DomainError
	if !errors.As(err, &de) {
		l.fail(keyDomain, v.src, say(func(w *words) string { return w.NotADomain }, place(keyDomain, v.src)))
		return nil
	}
	message := domainReason(de)
	if de.Problem == auth0.DomainBadPort { // the only reason that does not say what to set
		message = say(func(w *words) string { return w.DomainFix }, message, place(keyDomain, v.src))
	}
	if de.Value != "" {
		message = say(func(w *words) string { return w.Value }, quoted(de.Value), message)
	}
	l.fail(keyDomain, v.src, message)
	return nil
}

// checkText refuses placeholders copied from documentation and values
// pasted with spaces or quotes. A secret is never echoed.
func (l *loader) checkText(key string, v rawValue) string {
	shown := verbatim(quoted(v.text))
	if isSecretKey(key) {
		shown = say(func(w *words) string { return w.TheClientSecret })
	}
	where, want := place(key, v.src), say(wanted[key])
	switch {
	case looksLikePlaceholder(v.text):
		l.fail(key, v.src, say(func(w *words) string { return w.Placeholder }, shown, where, want))
	case key != keyRealm && key != keyUsername && strings.ContainsFunc(v.text, unicode.IsSpace):
		l.fail(key, v.src, say(func(w *words) string { return w.Spaces }, shown, where, want))
	case strings.ContainsAny(v.text, "\"'`"):
		l.fail(key, v.src, say(func(w *words) string { return w.Quotes }, shown, where, want))
	}
	return v.text
}

// looksLikePlaceholder spots values copied from documentation or templates:
// {yourClientId}, <client_id>, YOUR_CLIENT_ID, xxxxxxxx.
func looksLikePlaceholder(v string) bool {
	lower := strings.ToLower(v)
	switch {
	case strings.ContainsAny(v, "{}<>"),
		strings.HasPrefix(lower, "your_"), strings.HasPrefix(lower, "your-"),
		len(v) > 4 && strings.HasPrefix(v, "your") && unicode.IsUpper(rune(v[4])),
		strings.Trim(lower, "x*.") == "":
		return true
	}
	switch lower {
	case "client_id", "clientid", "client-id", "client_secret", "clientsecret", "client-secret",
		"test-client_id", "test-client_secret", "changeme", "change-me", "change_me", "todo", "placeholder":
		return true
	}
	return false
}

func (l *loader) checkPollInterval(v rawValue) time.Duration {
	where := place(keyPollInterval, v.src)
	d, err := time.ParseDuration(v.text)
	switch {
	case err != nil:
		problem := say(func(w *words) string { return w.NotDuration }, quoted(v.text), where)
		if _, numErr := strconv.ParseFloat(v.text, 64); numErr == nil {
			problem = say(func(w *words) string { return w.NoUnit }, quoted(v.text), where)
		}
		l.fail(keyPollInterval, v.src, problem)
		return 0
	case d <= 0:
		l.fail(keyPollInterval, v.src, say(func(w *words) string { return w.NotPositive }, quoted(v.text), where))
		return 0
	case d > MaxPollInterval:
		l.warn(keyPollInterval, v.src, say(func(w *words) string { return w.TooLong }, quoted(v.text)))
		return MaxPollInterval
	}
	return d
}

// languageTag is the language a --lang value names, or the value itself
// when it names none, so that the error quotes what was typed.
func languageTag(v string) string {
	if l, ok := i18n.Parse(v); ok {
		return string(l)
	}
	return strings.ToLower(strings.TrimSpace(v))
}

func (l *loader) checkChoice(key string, v rawValue, value string, what i18n.Message, choices ...string) string {
	for _, c := range choices {
		if value == c {
			return c
		}
	}
	l.fail(key, v.src, say(func(w *words) string { return w.NotChoice }, quoted(v.text), what, place(key, v.src), list(choices, func(w *words) string { return w.Or })))
	return ""
}

func (l *loader) checkBool(key string, v rawValue) bool {
	b, err := strconv.ParseBool(v.text)
	if err != nil {
		l.fail(key, v.src, say(func(w *words) string { return w.NotBool }, quoted(v.text), place(key, v.src)))
	}
	return b
}

// decideTenant chooses between the sandbox and a tenant. A tenant needs its
// domain and client ID; when only some tenant settings are given, that is a
// mistake to report, never a reason to fall back to the sandbox.
func (l *loader) decideTenant() {
	s := &l.s
	l.checkHelpdeskPair()
	if s.UsesSandbox() {
		for _, key := range []string{keyAudience, keyRealm, keyHelpdeskClientID, keyHelpdeskSecret} {
			if v, ok := l.raw[key]; ok {
				l.warn(key, v.src, say(func(w *words) string { return w.NoTenant }))
			}
		}
		if s.Profile == "" && l.file != nil && len(l.file.names) > 1 {
			l.fail(keyProfile, Source{}, say(func(w *words) string { return w.SeveralProfiles }, printable(l.file.path)))
		}
		return
	}
	var given []any
	for _, key := range []string{keyDomain, keyClientID, keyClientSecret} {
		if v, ok := l.raw[key]; ok {
			given = append(given, say(func(w *words) string { return w.ComesFrom }, key, sourceWords(v.src)))
		}
	}
	needed := []string{keyDomain, keyClientID}
	if l.helpdeskOnly() {
		needed = needed[:1] // the helpdesk's commands need no MFA application
	}
	for _, key := range needed {
		if _, ok := l.raw[key]; ok {
			continue
		}
		l.fail(key, Source{}, say(func(w *words) string { return w.HalfConfigured }, commaList(given), key, l.missingPlace(key)))
	}
	if v, ok := l.raw[keyPollInterval]; ok && s.PollInterval >= MinPollInterval && s.PollInterval < DefaultPollInterval && !l.loopbackTenant() {
		l.warn(keyPollInterval, v.src, say(func(w *words) string { return w.PollTooFast }))
	}
}

// helpdeskOnly reports whether the settings name the helpdesk's
// application and nothing of the MFA application: a setup for the
// helpdesk's commands alone, not half a tenant.
func (l *loader) helpdeskOnly() bool {
	_, id := l.raw[keyHelpdeskClientID]
	_, secret := l.raw[keyHelpdeskSecret]
	_, mfaID := l.raw[keyClientID]
	_, mfaSecret := l.raw[keyClientSecret]
	return id && secret && !mfaID && !mfaSecret
}

// checkHelpdeskPair refuses half a helpdesk application: a
// machine-to-machine application has both a client ID and a secret.
func (l *loader) checkHelpdeskPair() {
	_, id := l.raw[keyHelpdeskClientID]
	secret, hasSecret := l.raw[keyHelpdeskSecret]
	switch {
	case id && !hasSecret:
		l.fail(keyHelpdeskSecret, Source{}, say(func(w *words) string { return w.HelpdeskNeedsSecret }, l.missingPlace(keyHelpdeskSecret)))
	case hasSecret && !id:
		l.fail(keyHelpdeskClientID, secret.src, say(func(w *words) string { return w.HelpdeskNeedsID }, l.missingPlace(keyHelpdeskClientID)))
	}
}

// checkPollFloor refuses a poll interval under the floor, which depends on
// whether the polls go to a real tenant: it runs once that is decided.
func (l *loader) checkPollFloor() {
	v, ok := l.raw[keyPollInterval]
	s := &l.s
	if !ok || s.PollInterval <= 0 {
		return
	}
	floor, message := MinPollInterval, func(w *words) string { return w.PollUnderFloorTenant }
	if s.UsesSandbox() || l.loopbackTenant() {
		floor, message = MinSandboxPollInterval, func(w *words) string { return w.PollUnderFloorSandbox }
	}
	if s.PollInterval >= floor {
		return
	}
	l.fail(keyPollInterval, v.src, say(message, quoted(v.text), floor.String(), place(keyPollInterval, v.src), floor.String()))
	s.PollInterval = 0 // refused: the default stands in
	delete(s.sources, keyPollInterval)
}

// missingPlace lists the ways to set a missing tenant setting, naming the
// selected profile when there is one.
func (l *loader) missingPlace(key string) i18n.Message {
	if l.profile != nil {
		return everyWay(key, say(func(w *words) string { return w.ProfileIn }, quoted(l.profile.name), printable(l.file.path)))
	}
	return missingPlaceIn(l.s, key)
}

// missingPlaceIn is missingPlace for settings already loaded: the
// selected profile, if the file holds it, or any profile of the file.
func missingPlaceIn(s Settings, key string) i18n.Message {
	switch {
	case s.Profile != "" && slices.Contains(s.Profiles, s.Profile):
		return everyWay(key, say(func(w *words) string { return w.ProfileIn }, quoted(s.Profile), printable(s.File)))
	case s.File != "":
		return everyWay(key, say(func(w *words) string { return w.AProfileIn }, printable(s.File)))
	}
	return everyWay(key, say(func(w *words) string { return w.AProfileInYourFile }))
}

func (l *loader) loopbackTenant() bool {
	return l.s.TenantURL != nil && auth0.IsLoopbackHost(l.s.TenantURL.Hostname())
}

// fillDefaults gives every setting that was not set (or was refused) its default.
func (l *loader) fillDefaults() {
	s := &l.s
	if s.PollInterval == 0 {
		s.PollInterval = DefaultPollInterval
		if s.UsesSandbox() {
			s.PollInterval = DefaultSandboxPollInterval
		}
	}
	if s.Theme == "" {
		s.Theme = ThemeAuto
	}
	if s.Lang == "" {
		s.Lang, s.sources[keyLang] = localeLang(l.env)
	}
}
