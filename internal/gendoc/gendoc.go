// Package gendoc keeps generated sections of a Markdown file: a test or a
// script owns the text between its two markers, and the rest of the file is
// written by hand. A test compares a section with what a run produced, so
// that a committed figure cannot go stale.
package gendoc

import (
	"errors"
	"fmt"
	"os"
	"strings"
)

func markers(name string) (begin, end string) {
	return "<!-- BEGIN " + name + " (generated: do not edit by hand) -->\n", "<!-- END " + name + " -->\n"
}

// Section returns the text between name's markers in the file at path.
func Section(path, name string) (string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	begin, end := markers(name)
	text := string(data)
	i, j := strings.Index(text, begin), strings.Index(text, end)
	if i < 0 || j < i {
		return "", fmt.Errorf("%s has no section %q", path, name)
	}
	return text[i+len(begin) : j], nil
}

// Replace writes body between name's markers in the file at path, adding
// the section at the end when it is missing and the file when it is.
func Replace(path, name, body string) error {
	if body != "" && !strings.HasSuffix(body, "\n") {
		body += "\n"
	}
	data, err := os.ReadFile(path)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	begin, end := markers(name)
	text := string(data)
	i, j := strings.Index(text, begin), strings.Index(text, end)
	if i < 0 || j < i {
		if text != "" && !strings.HasSuffix(text, "\n") {
			text += "\n"
		}
		text += "\n" + begin + body + end
	} else {
		text = text[:i+len(begin)] + body + text[j:]
	}
	return os.WriteFile(path, []byte(text), 0o644)
}
