package config

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/mfapush/mfapush/internal/i18n"
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
	at     position
	values map[string]fileValue // by key; switches hold "true" or "false"
}

type fileValue struct {
	text string
	at   position
}

// position is where a key stands in the file. Its line is worked out only
// when a message or a source needs it, since finding it costs a pass over
// the file.
type position struct {
	doc *document
	key toml.Key
}

func (p position) line() int {
	if p.doc == nil {
		return 0
	}
	return p.doc.line(p.key)
}

// maxConfigSize keeps a wrong --config (a log, a device) from being read whole.
const maxConfigSize = 1 << 20

// readConfigFile reads and parses the config file. A missing file is no
// error unless the user named it. cf is nil when the file is missing or
// could not be read or parsed.
func readConfigFile(path string, named Source) (cf *configFile, exists bool, errs []error) {
	whole := Source{Kind: FromFile, File: path}
	fail := func(message i18n.Message) (*configFile, bool, []error) {
		return nil, true, []error{&Error{Setting: keyConfig, Source: whole, Message: message}}
	}
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		if named.Kind == FromFlag {
			return nil, false, []error{&Error{Setting: keyConfig, Source: named, Message: say(func(w *words) string { return w.NoFile }, printable(path))}}
		}
		return nil, false, nil
	}
	if err != nil {
		return fail(say(func(w *words) string { return w.FileCannotBeRead }, printable(err.Error())))
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() {
		return fail(say(func(w *words) string { return w.FileNotRegular }))
	}
	data, err := io.ReadAll(io.LimitReader(f, maxConfigSize+1))
	if err != nil {
		return fail(say(func(w *words) string { return w.FileReadFailed }, printable(err.Error())))
	}
	if len(data) > maxConfigSize {
		return fail(say(func(w *words) string { return w.FileTooLarge }))
	}
	cf, errs = parseConfig(path, data)
	if cf == nil {
		return nil, true, errs
	}
	cf.mode = info.Mode().Perm()
	return cf, true, append(errs, checkInlineSecrets(cf)...)
}

// maxFileProblems caps what one file can report, so that a wrong file
// gives a screenful, not thousands of lines.
const maxFileProblems = 20

// parseConfig reads the TOML text of a config file; cf is nil when it is not
// valid TOML.
//
// The keys are walked in file order and checked against the known keys by
// their exact names, rather than decoded into a struct with the leftovers
// from MetaData.Undecoded: the struct decoder matches names
// case-insensitively (so "Domain" would slip through) and stops at the first
// mistyped value, while this way every problem is reported, in file order.
func parseConfig(path string, data []byte) (*configFile, []error) {
	var top map[string]toml.Primitive
	md, err := toml.Decode(string(data), &top)
	if err != nil {
		return nil, []error{syntaxError(path, data, err)}
	}
	doc := &document{md: &md, tables: map[string]map[string]toml.Primitive{"": top}}
	p := &fileParser{doc: doc, cf: &configFile{path: path, profiles: map[string]*profile{}}}
	lookInside := map[string]bool{} // by key already visited: whether the keys below it are worth a look
	for _, key := range md.Keys() {
		// A key also stands for the tables above it, which may have no key of
		// their own ([profiles.p] makes "profiles"; a.b = 1 makes "a").
		for n := 1; n <= min(len(key), 3); n++ {
			prefix := key[:n].String()
			open, visited := lookInside[prefix]
			if !visited {
				open = p.visit(key[:n])
				lookInside[prefix] = open
			}
			if !open {
				break
			}
		}
	}
	for _, name := range p.cf.names {
		p.checkSecretKeys(p.cf.profiles[name])
	}
	if p.problems > maxFileProblems {
		p.errs = append(p.errs, &Error{Setting: keyConfig, Source: Source{Kind: FromFile, File: path},
			Message: count(p.problems-maxFileProblems, func(w *words) (string, string) { return w.MoreProblemOne, w.MoreProblems })})
	}
	return p.cf, p.errs
}

type fileParser struct {
	doc      *document
	cf       *configFile
	errs     []error
	problems int
}

// visit checks one key, the first time it is met, and says whether the keys
// below it are worth a look.
func (p *fileParser) visit(key toml.Key) bool {
	at := position{doc: p.doc, key: key}
	switch {
	case len(key) == 1 && key[0] == keyDefaultProfile:
		if v, ok := p.value(nil, key[0], at); ok {
			p.cf.defaultProfile = v
		}
	case len(key) == 1 && key[0] == keyProfiles:
		if _, ok := p.doc.table(key); ok {
			return true
		}
		p.fail(nil, keyProfiles, at, say(func(w *words) string { return w.ProfilesNotTable }))
	case len(key) == 1:
		p.fail(nil, key[0], at, unknownTopKey(key[0]))
	case len(key) == 2:
		return p.addProfile(key[1], at)
	default:
		prof := p.cf.profiles[key[1]]
		if !slices.Contains(profileKeys, key[2]) {
			p.fail(prof, key[2], at, unknownProfileKey(key[2]))
		} else if v, ok := p.value(prof, key[2], at); ok {
			prof.values[key[2]] = v
		}
	}
	return false
}

func (p *fileParser) addProfile(name string, at position) bool {
	if _, ok := p.doc.table(at.key); !ok {
		p.fail(nil, keyProfiles, at, say(func(w *words) string { return w.ProfileNotTable }, quoted(name), tomlKey(name)))
		return false
	}
	if strings.TrimSpace(name) == "" {
		p.fail(nil, keyProfiles, at, say(func(w *words) string { return w.EmptyProfileName }))
		return false
	}
	p.cf.profiles[name] = &profile{name: name, at: at, values: map[string]fileValue{}}
	p.cf.names = append(p.cf.names, name)
	return true
}

// value reads one known key, checking its TOML type.
func (p *fileParser) value(prof *profile, key string, at position) (fileValue, bool) {
	switch v := p.doc.value(at.key).(type) {
	case string:
		return fileValue{text: v, at: at}, true
	case bool:
		if isBoolKey(key) {
			return fileValue{text: strconv.FormatBool(v), at: at}, true
		}
	}
	switch {
	case isBoolKey(key):
		p.fail(prof, key, at, say(func(w *words) string { return w.MustBeBool }, key))
	case key == keyPollInterval:
		p.fail(prof, key, at, say(func(w *words) string { return w.MustBeDuration }))
	default:
		p.fail(prof, key, at, say(func(w *words) string { return w.MustBeText }, key))
	}
	return fileValue{}, false
}

// checkSecretKeys refuses a profile that says in two ways where its client
// secret is: which one wins would be a guess.
func (p *fileParser) checkSecretKeys(prof *profile) {
	for _, keys := range secretKeys {
		var given []string
		for _, key := range keys {
			if _, ok := prof.values[key]; ok {
				given = append(given, key)
			}
		}
		if len(given) > 1 {
			p.add(keys[0], prof, given[1], prof.values[given[1]].at,
				say(func(w *words) string { return w.TwoSecrets }, list(given, func(w *words) string { return w.And })))
		}
	}
}

func (p *fileParser) fail(prof *profile, key string, at position, message i18n.Message) {
	p.add(keyConfig, prof, key, at, message)
}

func (p *fileParser) add(setting string, prof *profile, key string, at position, message i18n.Message) {
	p.problems++
	if p.problems > maxFileProblems {
		return
	}
	src := Source{Kind: FromFile, File: p.cf.path, Name: printable(key), Line: at.line()}
	if prof != nil {
		src.Profile = prof.name
	}
	p.errs = append(p.errs, &Error{Setting: setting, Source: src, Message: message})
}

// tomlKey writes a profile name as a TOML key, quoted when it must be.
func tomlKey(name string) string {
	return toml.Key{printable(name)}.String()
}

func unknownTopKey(key string) i18n.Message {
	if slices.Contains(profileKeys, key) {
		return say(func(w *words) string { return w.TopKeyInProfile }, key)
	}
	return say(func(w *words) string { return w.UnknownTopKey })
}

func unknownProfileKey(key string) i18n.Message {
	if known := nearKey(key); known != "" {
		return say(func(w *words) string { return w.DidYouMean }, known)
	}
	return say(func(w *words) string { return w.UnknownKey }, strings.Join(profileKeys, ", "))
}

var keyFolder = strings.NewReplacer("_", "", "-", "")

// nearKey finds the known key that key misspells by case, dashes or
// underscores ("clientId", "Client-ID", "CLIENT_ID").
func nearKey(key string) string {
	fold := func(s string) string { return strings.ToLower(keyFolder.Replace(s)) }
	for _, known := range profileKeys {
		if fold(known) == fold(key) {
			return known
		}
	}
	return ""
}

// checkInlineSecrets refuses a file that holds a client secret and that
// other users can read. One message is enough: one chmod fixes them all.
func checkInlineSecrets(cf *configFile) []error {
	if !groupOrOtherReadable(cf.mode) {
		return nil
	}
	for _, name := range cf.names {
		for _, key := range []string{keyClientSecret, keyHelpdeskSecret} {
			if v, ok := cf.profiles[name].values[key]; ok {
				src := Source{Kind: FromFile, File: cf.path, Profile: name, Name: key, Line: v.at.line()}
				return []error{&Error{Setting: key, Source: src, Message: say(func(w *words) string { return w.ConfigReadable }, cf.mode.Perm(), shellQuote(printable(cf.path)))}}
			}
		}
	}
	return nil
}
