package config

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"unicode"

	"github.com/mfapush/mfapush/internal/i18n"
)

// resolveSecret takes each client secret (the MFA application's, the
// helpdesk's) from the selected profile when neither a flag nor the
// environment gave one: inline, from the file its _file key names, or
// from the variable its _env key names.
func (l *loader) resolveSecret() {
	for _, keys := range secretKeys {
		l.resolveOneSecret(keys[0], keys[1], keys[2])
	}
}

func (l *loader) resolveOneSecret(secretKey, fileKey, envKey string) {
	if _, ok := l.raw[secretKey]; ok || l.profile == nil {
		return
	}
	values := l.profile.values
	if v, ok := values[fileKey]; ok {
		src := l.fileSource(fileKey, v)
		src.Ref = v.text
		path := expandHome(v.text, l.env)
		if !filepath.IsAbs(path) {
			path = filepath.Join(filepath.Dir(l.s.File), path) // relative to the config file, not to wherever mfapush runs
		}
		secret, problem := readSecretFile(path)
		if problem != nil {
			l.fail(secretKey, src, *problem)
			return
		}
		l.raw[secretKey] = rawValue{text: secret, src: src}
		return
	}
	if v, ok := values[envKey]; ok {
		src := l.fileSource(envKey, v)
		src.Ref = strings.TrimSpace(v.text)
		secret := strings.TrimSpace(l.env(src.Ref))
		if secret == "" {
			l.fail(secretKey, src, say(func(w *words) string { return w.SecretEnvUnset }, quoted(src.Ref), printable(src.Ref)))
			return
		}
		l.raw[secretKey] = rawValue{text: secret, src: src}
		return
	}
	if v, ok := values[secretKey]; ok && strings.TrimSpace(v.text) != "" {
		l.raw[secretKey] = rawValue{text: strings.TrimSpace(v.text), src: l.fileSource(secretKey, v)}
	}
}

// maxSecretSize is far above any client secret; a larger file is the wrong one.
const maxSecretSize = 64 << 10

// readSecretFile reads a client secret file, or says what is wrong with it.
func readSecretFile(path string) (secret string, problem *i18n.Message) {
	what := say(func(w *words) string { return w.SecretFile }, printable(path))
	fail := func(m i18n.Message) (string, *i18n.Message) { return "", &m }
	f, err := os.Open(path)
	if err != nil {
		return fail(say(func(w *words) string { return w.SecretCannotRead }, what, printable(err.Error())))
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() {
		return fail(say(func(w *words) string { return w.SecretNotRegular }, what))
	}
	if groupOrOtherReadable(info.Mode()) {
		return fail(say(func(w *words) string { return w.SecretReadable }, what, info.Mode().Perm(), shellQuote(printable(path))))
	}
	data, err := io.ReadAll(io.LimitReader(f, maxSecretSize+1))
	if err != nil {
		return fail(say(func(w *words) string { return w.SecretReadFailed }, what, printable(err.Error())))
	}
	if len(data) > maxSecretSize {
		return fail(say(func(w *words) string { return w.SecretTooLarge }, what))
	}
	secret = strings.TrimSpace(string(data))
	switch {
	case secret == "":
		return fail(say(func(w *words) string { return w.SecretEmpty }, what))
	case strings.ContainsFunc(secret, unicode.IsSpace):
		return fail(say(func(w *words) string { return w.SecretMoreThanOne }, what))
	}
	return secret, nil
}

// groupOrOtherReadable reports whether other users may read a file. On
// Windows the permission bits do not say (access lists do), so nothing is
// refused there.
func groupOrOtherReadable(mode fs.FileMode) bool {
	return runtime.GOOS != "windows" && mode.Perm()&0o044 != 0
}

// shellQuote quotes a path for a POSIX shell when it needs quoting, so the
// chmod in a message can be pasted as it is.
func shellQuote(s string) string {
	safe := func(r rune) bool {
		return r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("/._-+:@%,=", r))
	}
	if s != "" && !strings.ContainsFunc(s, func(r rune) bool { return !safe(r) }) {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
