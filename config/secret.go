package config

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"unicode"
)

// resolveSecret takes the client secret from the selected profile when
// neither a flag nor the environment gave one: inline, from the file that
// client_secret_file names, or from the variable that client_secret_env names.
func (l *loader) resolveSecret() {
	if _, ok := l.raw[keyClientSecret]; ok || l.profile == nil {
		return
	}
	values := l.profile.values
	if v, ok := values[keySecretFile]; ok {
		src := l.fileSource(keySecretFile, v)
		src.Ref = v.text
		path := expandHome(v.text, l.env)
		if !filepath.IsAbs(path) {
			path = filepath.Join(filepath.Dir(l.s.File), path) // relative to the config file, not to wherever mfapush runs
		}
		secret, problem := readSecretFile(path)
		if problem != "" {
			l.fail(keyClientSecret, src, problem)
			return
		}
		l.raw[keyClientSecret] = rawValue{text: secret, src: src}
		return
	}
	if v, ok := values[keySecretEnv]; ok {
		src := l.fileSource(keySecretEnv, v)
		src.Ref = strings.TrimSpace(v.text)
		secret := strings.TrimSpace(l.env(src.Ref))
		if secret == "" {
			l.fail(keyClientSecret, src, "names the environment variable "+quoted(src.Ref)+", which is not set: export "+printable(src.Ref)+" with the client secret, or set AUTH0_CLIENT_SECRET")
			return
		}
		l.raw[keyClientSecret] = rawValue{text: secret, src: src}
		return
	}
	if v, ok := values[keyClientSecret]; ok && strings.TrimSpace(v.text) != "" {
		l.raw[keyClientSecret] = rawValue{text: strings.TrimSpace(v.text), src: l.fileSource(keyClientSecret, v)}
	}
}

// maxSecretSize is far above any client secret; a larger file is the wrong one.
const maxSecretSize = 64 << 10

// readSecretFile reads a client secret file, or says what is wrong with it.
func readSecretFile(path string) (secret, problem string) {
	what := "the client secret file " + printable(path)
	f, err := os.Open(path)
	if err != nil {
		return "", what + " cannot be read (" + printable(err.Error()) + "): check the path in client_secret_file"
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() {
		return "", what + " is not a regular file: point client_secret_file at a file that holds only the client secret"
	}
	if groupOrOtherReadable(info.Mode()) {
		return "", readableMessage(what+" is", path, info.Mode())
	}
	data, err := io.ReadAll(io.LimitReader(f, maxSecretSize+1))
	if err != nil {
		return "", what + " cannot be read (" + printable(err.Error()) + ")"
	}
	if len(data) > maxSecretSize {
		return "", what + " is larger than 64 KiB: it should hold only the client secret"
	}
	secret = strings.TrimSpace(string(data))
	switch {
	case secret == "":
		return "", what + " is empty: put the client secret in it"
	case strings.ContainsFunc(secret, unicode.IsSpace):
		return "", what + " holds more than one word or line: it should hold only the client secret"
	}
	return secret, ""
}

// groupOrOtherReadable reports whether other users may read a file. On
// Windows the permission bits do not say (access lists do), so nothing is
// refused there.
func groupOrOtherReadable(mode fs.FileMode) bool {
	return runtime.GOOS != "windows" && mode.Perm()&0o044 != 0
}

// readableMessage says that a file holding a secret is readable by others,
// with the command that fixes it.
func readableMessage(what, path string, mode fs.FileMode) string {
	return fmt.Sprintf("%s readable by group or others (mode %04o): run chmod 600 %s", what, mode.Perm(), shellQuote(printable(path)))
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
