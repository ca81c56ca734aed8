package config

import (
	"errors"
	"strings"

	"github.com/mfapush/mfapush/internal/i18n"
)

// Load works out the settings from the command-line flags that were given,
// the environment (env is os.Getenv in the program; tests pass their own)
// and the config file. It always returns the settings it could work out, so
// that they can be shown; the error joins one *Error per problem (see
// Problems), each naming its source and what to set.
func Load(flags Flags, env func(string) string) (Settings, []Warning, error) {
	if env == nil {
		env = func(string) string { return "" }
	}
	l := &loader{flags: flags, env: env, raw: map[string]rawValue{}, s: Settings{sources: map[string]Source{}}}
	l.checkFlags()
	l.readFile()
	l.selectProfile()
	for _, o := range options {
		if o.Key == keyProfile || o.Key == keyConfig {
			continue
		}
		if v, ok := l.pick(o.Key); ok {
			l.raw[o.Key] = v
		}
	}
	l.resolveSecret()
	l.apply()
	l.decideTenant()
	l.checkPollFloor()
	l.fillDefaults()
	return l.s, l.warnings, errors.Join(l.errs...)
}

// rawValue is a setting as text, before it is checked.
type rawValue struct {
	text string
	src  Source
}

type loader struct {
	flags       Flags
	env         func(string) string
	file        *configFile // nil when there is none or it could not be parsed
	fileUnknown bool        // a file is there but could not be read
	profile     *profile    // the selected profile, if it exists
	raw         map[string]rawValue
	s           Settings
	warnings    []Warning
	errs        []error
}

func (l *loader) fail(key string, src Source, message i18n.Message) {
	l.errs = append(l.errs, &Error{Setting: key, Source: src, Message: message})
}

func (l *loader) warn(key string, src Source, message i18n.Message) {
	l.warnings = append(l.warnings, Warning{Setting: key, Source: src, Message: message})
}

// checkFlags catches a caller passing a key that is no setting.
func (l *loader) checkFlags() {
	for key := range l.flags {
		if _, ok := optionFor(key); !ok {
			l.fail(key, Source{Kind: FromFlag, Name: key}, say(func(w *words) string { return w.NotASetting }))
		}
	}
}

func (l *loader) readFile() {
	path, named := defaultConfigPath(l.env), Source{}
	if v, ok := l.fromFlag(keyConfig); ok {
		path, named = expandHome(v.text, l.env), v.src
	}
	l.s.File = path
	l.s.sources[keyConfig] = named
	if path == "" {
		return
	}
	cf, exists, errs := readConfigFile(path, named)
	l.errs = append(l.errs, errs...)
	l.s.FileExists = exists
	l.fileUnknown = exists && cf == nil
	if cf != nil {
		l.file = cf
		l.s.Profiles = cf.names
	}
}

// selectProfile picks the profile: --profile, then MFAPUSH_PROFILE, then
// default_profile in the file, then the file's only profile.
func (l *loader) selectProfile() {
	name, src := l.profileChoice()
	if name == "" {
		return
	}
	l.s.Profile = name
	l.s.sources[keyProfile] = src
	switch {
	case l.fileUnknown:
		// The file's own error says why; guessing which profiles it has would mislead.
	case l.file == nil:
		l.fail(keyProfile, src, say(func(w *words) string { return w.NoFileForProfile }, l.filePath(), quoted(name), tomlKey(name), place(keyProfile, src)))
	case l.file.profiles[name] == nil:
		l.fail(keyProfile, src, say(func(w *words) string { return w.NoSuchProfile }, quoted(name), printable(l.file.path), l.profileHint(src)))
	default:
		l.profile = l.file.profiles[name]
	}
}

func (l *loader) profileChoice() (string, Source) {
	if v, ok := l.fromFlag(keyProfile); ok {
		return v.text, v.src
	}
	if v, ok := l.fromEnv(keyProfile); ok {
		return v.text, v.src
	}
	if l.file == nil {
		return "", Source{}
	}
	if v := l.file.defaultProfile; strings.TrimSpace(v.text) != "" {
		return strings.TrimSpace(v.text), Source{Kind: FromFile, File: l.file.path, Name: keyDefaultProfile, Line: v.at.line()}
	}
	if len(l.file.names) == 1 {
		only := l.file.profiles[l.file.names[0]]
		return only.name, Source{Kind: FromFile, File: l.file.path, Profile: only.name, Line: only.at.line()}
	}
	return "", Source{}
}

func (l *loader) profileHint(src Source) i18n.Message {
	if len(l.file.names) == 0 {
		return say(func(w *words) string { return w.NoProfilesInFile })
	}
	quotedNames := make([]string, len(l.file.names))
	for i, n := range l.file.names {
		quotedNames[i] = quoted(n)
	}
	return say(func(w *words) string { return w.SetOneOf }, place(keyProfile, src), strings.Join(quotedNames, ", "))
}

func (l *loader) filePath() i18n.Message {
	if l.s.File == "" {
		return say(func(w *words) string { return w.NoPath })
	}
	return verbatim(printable(l.s.File))
}

// pick takes a setting from the strongest layer that has it. Empty values
// count as not set, in every layer.
func (l *loader) pick(key string) (rawValue, bool) {
	if v, ok := l.fromFlag(key); ok {
		return v, true
	}
	if v, ok := l.fromEnv(key); ok {
		return v, true
	}
	if l.profile == nil || isSecretKey(key) { // a secret has more ways in: resolveSecret
		return rawValue{}, false
	}
	if v, ok := l.profile.values[key]; ok && strings.TrimSpace(v.text) != "" {
		return rawValue{text: strings.TrimSpace(v.text), src: l.fileSource(key, v)}, true
	}
	return rawValue{}, false
}

func (l *loader) fromFlag(key string) (rawValue, bool) {
	v, ok := l.flags[key]
	if !ok || strings.TrimSpace(v) == "" {
		return rawValue{}, false
	}
	o, _ := optionFor(key)
	return rawValue{text: strings.TrimSpace(v), src: Source{Kind: FromFlag, Name: "--" + o.Flag()}}, true
}

func (l *loader) fromEnv(key string) (rawValue, bool) {
	o, _ := optionFor(key)
	if o.Env == "" {
		return rawValue{}, false
	}
	v := strings.TrimSpace(l.env(o.Env))
	if v == "" {
		return rawValue{}, false
	}
	return rawValue{text: v, src: Source{Kind: FromEnv, Name: o.Env}}, true
}

func (l *loader) fileSource(key string, v fileValue) Source {
	return Source{Kind: FromFile, File: l.file.path, Profile: l.profile.name, Name: key, Line: v.at.line()}
}

// place says where the user sets a value: the flag, the variable or the
// file key it came from, or every way in when it came from nowhere.
func place(key string, src Source) i18n.Message {
	o, _ := optionFor(key)
	switch {
	case src.Kind == FromFlag:
		return verbatim("--" + o.Flag())
	case src.Kind == FromEnv:
		return verbatim(src.Name)
	case src.Kind == FromFile && (src.Name == keySecretEnv || src.Name == keyHelpdeskSecretEnv):
		return verbatim(printable(src.Ref))
	case src.Kind == FromFile && (src.Name == keySecretFile || src.Name == keyHelpdeskSecretFile):
		return say(func(w *words) string { return w.ContentOf }, printable(src.Ref))
	case src.Kind == FromFile && src.Profile != "":
		return say(func(w *words) string { return w.KeyInProfile }, src.Name, quoted(src.Profile), printable(src.File))
	case src.Kind == FromFile:
		return say(func(w *words) string { return w.KeyInFile }, src.Name, printable(src.File))
	}
	return everyWay(key, say(func(w *words) string { return w.YourProfile }))
}

// everyWay lists the ways to give a setting, after the word "set".
func everyWay(key string, profile i18n.Message) i18n.Message {
	o, _ := optionFor(key)
	if o.Env != "" {
		return say(func(w *words) string { return w.EveryWayEnv }, o.Env, o.Flag(), key, profile)
	}
	return say(func(w *words) string { return w.EveryWay }, o.Flag(), key, profile)
}
