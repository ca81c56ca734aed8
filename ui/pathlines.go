package ui

import (
	"path/filepath"
	"strings"
)

// pathLines breaks a path to fit w columns at its separators only, so
// that the file name stays whole on its line (cut only where it is wider
// than a line by itself).
func pathLines(path string, w int) string {
	if cellWidth(path) <= w {
		return path
	}
	dir, name := filepath.Split(path)
	var lines []string
	line := ""
	for _, part := range strings.SplitAfter(dir, string(filepath.Separator)) {
		if line != "" && cellWidth(line+part) > w {
			lines = append(lines, line)
			line = ""
		}
		line += part
	}
	if line != "" && cellWidth(line+name) > w {
		lines = append(lines, line)
		line = ""
	}
	return strings.Join(append(lines, line+name), "\n")
}
