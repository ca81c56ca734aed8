package config

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
)

// configFile is what a config file holds, before precedence is applied.
type configFile struct {
	path           string
	mode           fs.FileMode
	defaultProfile fileValue // text "" when absent
	profiles       map[string]*profile
	names          []string // profile names in file order
}

type profile struct {
	name   string
	line   int
	values map[string]fileValue // by key; switches hold "true" or "false"
}

type fileValue struct {
	text string
	line int
}

// maxConfigSize keeps a wrong --config (a log, a device) from being read whole.
const maxConfigSize = 1 << 20

// readConfigFile reads and parses the config file. A missing file is no
// error unless the user named it. cf is nil when the file is missing or
// could not be read or parsed.
func readConfigFile(path string, named Source) (cf *configFile, exists bool, errs []error) {
	whole := Source{Kind: FromFile, File: path}
	fail := func(message string) (*configFile, bool, []error) {
		return nil, true, []error{&Error{Setting: keyConfig, Source: whole, Message: message}}
	}
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		if named.Kind == FromFlag {
			return nil, false, []error{&Error{Setting: keyConfig, Source: named, Message: "there is no file " + printable(path) + ": create it, or give the path of your config file"}}
		}
		return nil, false, nil
	}
	if err != nil {
		return fail("cannot be read (" + printable(err.Error()) + "): fix its permissions, or give another path with --config")
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() {
		return fail("is not a regular file: give the path of a TOML file with --config")
	}
	data, err := io.ReadAll(io.LimitReader(f, maxConfigSize+1))
	if err != nil {
		return fail("cannot be read (" + printable(err.Error()) + ")")
	}
	if len(data) > maxConfigSize {
		return fail("is larger than 1 MiB: give the path of your mfapush config file with --config")
	}
	cf, errs = parseConfig(path, data)
	if cf == nil {
		return nil, true, errs
	}
	cf.mode = info.Mode().Perm()
	return cf, true, append(errs, checkInlineSecrets(cf)...)
}

// parseConfig reads the TOML text of a config file; cf is nil when it is
// not valid TOML. Every key is decoded as
// a toml.Primitive and checked against the known keys by its exact name,
// rather than decoding into a struct and asking MetaData.Undecoded for the
// rest: the struct decoder matches names case-insensitively (so "Domain"
// would slip through) and stops at the first mistyped value, while this way
// every problem is reported, each with its line.
func parseConfig(path string, data []byte) (*configFile, []error) {
	cf := &configFile{path: path, profiles: map[string]*profile{}}
	var top map[string]toml.Primitive
	md, err := toml.Decode(string(data), &top)
	if err != nil {
		return nil, []error{syntaxError(path, data, err)}
	}
	p := &fileParser{md: &md, cf: cf}
	for key, prim := range top {
		switch key {
		case keyDefaultProfile:
			if v, ok := p.value(nil, key, prim); ok {
				cf.defaultProfile = v
			}
		case keyProfiles:
			p.readProfiles(prim)
		default:
			p.fail(nil, key, prim, unknownTopKey(key))
		}
	}
	slices.SortFunc(cf.names, func(a, b string) int { return cf.profiles[a].line - cf.profiles[b].line })
	slices.SortStableFunc(p.errs, func(a, b error) int { return lineOf(a) - lineOf(b) })
	return cf, p.errs
}

type fileParser struct {
	md   *toml.MetaData
	cf   *configFile
	errs []error
}

func (p *fileParser) readProfiles(prim toml.Primitive) {
	tables, ok := p.table(prim)
	if !ok {
		p.fail(nil, keyProfiles, prim, "must be a table of profiles: write each one as [profiles.NAME] followed by its keys")
		return
	}
	for name, table := range tables {
		keys, ok := p.table(table)
		if !ok {
			p.fail(nil, keyProfiles, table, "profile "+quoted(name)+" must be a table: write [profiles."+tomlKey(name)+"] followed by its keys")
			continue
		}
		if strings.TrimSpace(name) == "" {
			p.fail(nil, keyProfiles, table, "a profile has an empty name: give it a name, such as [profiles.work]")
			continue
		}
		prof := &profile{name: name, line: p.line(table), values: map[string]fileValue{}}
		p.cf.profiles[name] = prof
		p.cf.names = append(p.cf.names, name)
		for key, prim := range keys {
			if !slices.Contains(profileKeys, key) {
				p.fail(prof, key, prim, unknownProfileKey(key))
				continue
			}
			if v, ok := p.value(prof, key, prim); ok {
				prof.values[key] = v
			}
		}
		p.checkSecretKeys(prof)
	}
}

// table decodes a TOML table into its keys. The check comes first because
// the decoder turns a value that is no table into an empty map, silently.
func (p *fileParser) table(prim toml.Primitive) (map[string]toml.Primitive, bool) {
	var v any
	_ = p.md.PrimitiveDecode(prim, &v) // into an empty interface it cannot fail
	if _, ok := v.(map[string]any); !ok {
		return nil, false
	}
	var keys map[string]toml.Primitive
	return keys, p.md.PrimitiveDecode(prim, &keys) == nil
}

// value decodes one known key, checking its TOML type.
func (p *fileParser) value(prof *profile, key string, prim toml.Primitive) (fileValue, bool) {
	var v any
	_ = p.md.PrimitiveDecode(prim, &v) // into an empty interface it cannot fail
	line := p.line(prim)
	switch v := v.(type) {
	case string:
		return fileValue{text: v, line: line}, true
	case bool:
		if isBoolKey(key) {
			return fileValue{text: fmt.Sprint(v), line: line}, true
		}
	}
	switch {
	case isBoolKey(key):
		p.fail(prof, key, prim, "must be true or false, without quotes: write "+key+" = true")
	case key == keyPollInterval:
		p.fail(prof, key, prim, `must be a duration in quotes: write poll_interval = "5s"`)
	default:
		p.fail(prof, key, prim, `must be text in quotes: write `+key+` = "…"`)
	}
	return fileValue{}, false
}

// checkSecretKeys refuses a profile that says in two ways where its client
// secret is: which one wins would be a guess.
func (p *fileParser) checkSecretKeys(prof *profile) {
	var given []string
	for _, key := range []string{keyClientSecret, keySecretFile, keySecretEnv} {
		if _, ok := prof.values[key]; ok {
			given = append(given, key)
		}
	}
	if len(given) > 1 {
		p.errs = append(p.errs, &Error{Setting: keyClientSecret, Source: p.source(prof, given[1], prof.values[given[1]].line),
			Message: "the profile sets " + strings.Join(given, " and ") + ": keep only one of client_secret_file, client_secret_env or client_secret"})
	}
}

func (p *fileParser) fail(prof *profile, key string, prim toml.Primitive, message string) {
	p.errs = append(p.errs, &Error{Setting: keyConfig, Source: p.source(prof, printable(key), p.line(prim)), Message: message})
}

func (p *fileParser) source(prof *profile, key string, line int) Source {
	src := Source{Kind: FromFile, File: p.cf.path, Name: key, Line: line}
	if prof != nil {
		src.Profile = prof.name
	}
	return src
}

// line finds the line a value is on. The decoder keeps positions to itself
// and reveals them only in a ParseError, so a decoder that always fails is
// aimed at the value.
func (p *fileParser) line(prim toml.Primitive) int {
	var pe toml.ParseError
	if err := p.md.PrimitiveDecode(prim, &lineProbe{}); errors.As(err, &pe) && pe.Position.Line > 0 {
		return pe.Position.Line
	}
	// A table made implicitly, by a dotted key or a [a.b] header, has no
	// line of its own: take its first key's.
	children, _ := p.table(prim)
	first := 0
	for _, child := range children {
		if l := p.line(child); l > 0 && (first == 0 || l < first) {
			first = l
		}
	}
	return first
}

type lineProbe struct{}

func (*lineProbe) UnmarshalTOML(any) error { return errors.New("probe") }

// syntaxError reports a TOML syntax error with its line. The parser's words
// may quote the text it choked on, so they are left out when that line
// mentions a secret.
func syntaxError(path string, data []byte, err error) error {
	src := Source{Kind: FromFile, File: path}
	var pe toml.ParseError
	if !errors.As(err, &pe) {
		return &Error{Setting: keyConfig, Source: src, Message: "is not valid TOML: check it against the example in the README"}
	}
	src.Line = pe.Position.Line
	if mentionsSecret(pe.LastKey) || mentionsSecret(lineText(data, src.Line)) {
		return &Error{Setting: keyConfig, Source: src, Message: `is not valid TOML on a line that holds a secret (the parser's message is left out so as not to show it): check that the value is in quotes, such as client_secret = "…"`}
	}
	return &Error{Setting: keyConfig, Source: src, Message: "is not valid TOML: " + printable(strings.TrimPrefix(pe.Message, "toml: ")) + ": fix that line"}
}

func mentionsSecret(s string) bool { return strings.Contains(strings.ToLower(s), "secret") }

func lineText(data []byte, line int) string {
	lines := strings.Split(string(data), "\n")
	if line < 1 || line > len(lines) {
		return ""
	}
	return lines[line-1]
}

func lineOf(err error) int {
	var e *Error
	if errors.As(err, &e) {
		return e.Source.Line
	}
	return 0
}

// tomlKey writes a profile name as a TOML key, quoted when it must be.
func tomlKey(name string) string {
	return toml.Key{printable(name)}.String()
}

func unknownTopKey(key string) string {
	if slices.Contains(profileKeys, key) {
		return "unknown key at the top of the file: " + key + " belongs in a profile, under [profiles.NAME]"
	}
	return "unknown key: the top of the file holds only default_profile and [profiles.NAME] tables; remove it"
}

func unknownProfileKey(key string) string {
	if known := nearKey(key); known != "" {
		return "unknown key: did you mean " + known + "?"
	}
	return "unknown key: remove it; a profile holds " + strings.Join(profileKeys, ", ")
}

// nearKey finds the known key that key misspells by case, dashes or
// underscores ("clientId", "Client-ID", "CLIENT_ID").
func nearKey(key string) string {
	fold := func(s string) string { return strings.ToLower(strings.NewReplacer("_", "", "-", "").Replace(s)) }
	for _, known := range profileKeys {
		if fold(known) == fold(key) {
			return known
		}
	}
	return ""
}

// checkInlineSecrets refuses a file that holds a client secret and that
// other users can read.
func checkInlineSecrets(cf *configFile) []error {
	if !groupOrOtherReadable(cf.mode) {
		return nil
	}
	var errs []error
	for _, name := range cf.names {
		if v, ok := cf.profiles[name].values[keyClientSecret]; ok {
			src := Source{Kind: FromFile, File: cf.path, Profile: name, Name: keyClientSecret, Line: v.line}
			errs = append(errs, &Error{Setting: keyClientSecret, Source: src, Message: readableMessage("the config file holds a client secret and is", cf.path, cf.mode)})
		}
	}
	return errs
}
