// Package cast records a terminal session as an asciicast v2 file, the
// format asciinema plays and embeds: a header line, then one event a line,
// [seconds, "o", output] and [seconds, "r", "WxH"] for a resize, in time
// order.
//
// A Recorder is fed the program's output as it goes to the terminal, and
// writes what it records through a mask: every known secret (tokens, codes,
// passwords, the enrollment link) is replaced by dots of the same width,
// whatever the screen showed. The terminal itself gets the output as it
// was, at once; only the recording is masked, and it keeps the times at
// which the output was written.
package cast
