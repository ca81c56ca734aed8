package plain

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/flow"
)

// Terminal is the person at the keyboard, asked for what the flags did not
// give. Both reads give up when ctx ends; ReadLine answers io.EOF when the
// person ends the input (Ctrl+D).
type Terminal interface {
	ReadLine(ctx context.Context, prompt string) (string, error)
	// ReadPassword reads without echo.
	ReadPassword(ctx context.Context, prompt string) (string, error)
}

// input reads the username, the password and, with --otp-stdin or
// --recovery-code-stdin, the code, all before the first request: a missing
// or malformed one fails fast. It returns "" to go on.
func (r *run) input() (creds flow.Credentials, code answerCode, o Outcome) {
	creds.Username, creds.Realm = r.Username, r.Realm
	if creds.Username == "" {
		if r.Terminal == nil {
			return creds, code, r.failInput(r.t.Plain.NoUsername)
		}
		line, err := r.Terminal.ReadLine(r.ctx, r.t.Plain.UsernamePrompt)
		if o := r.inputEnded(err); o != "" {
			return creds, code, o
		}
		creds.Username = strings.TrimSpace(line)
		if creds.Username == "" {
			return creds, code, r.failInput(r.t.SignIn.MissingEmail)
		}
	}
	var err error
	switch {
	case r.PasswordStdin:
		creds.Password, err = r.stdinLine("--password-stdin")
	case r.Terminal != nil:
		creds.Password, err = r.Terminal.ReadPassword(r.ctx, r.fill(r.t.Plain.PasswordPrompt, creds.Username))
	default:
		return creds, code, r.failInput(r.t.Plain.NoPassword)
	}
	if o := r.inputEnded(err); o != "" {
		return creds, code, o
	}
	if creds.Password == "" {
		return creds, code, r.failInput(r.t.Plain.EmptyPassword)
	}
	switch {
	case r.Command == CommandEnroll:
		return creds, code, r.readEnrollInput()
	case r.Command != CommandChallenge:
		return creds, code, ""
	case r.CodeStdin && r.AuthenticatorID == "":
		return creds, code, r.failInput(r.t.Factors.CodeNeedsTarget)
	}
	switch {
	case r.OTPStdin:
		code, o = r.stdinCode("--otp-stdin", flow.OTP)
	case r.RecoveryCodeStdin:
		code, o = r.stdinCode("--recovery-code-stdin", flow.RecoveryCode)
	}
	return creds, code, o
}

// answerCode is a code from stdin that answers MFA instead of a push.
type answerCode struct {
	factor *flow.Factor // nil: no code, a push
	value  string
}

// stdinCode reads the code a flag promised on the next line of stdin, as
// its factor reads codes (without the spaces people type or paste in it).
func (r *run) stdinCode(flag string, f *flow.Factor) (answerCode, Outcome) {
	line, err := r.stdinLine(flag)
	if err != nil {
		return answerCode{}, r.inputEnded(err)
	}
	value, ok := f.ReadCode(line)
	switch {
	case value == "":
		return answerCode{}, r.failInput(r.fill(r.t.Plain.EmptyStdin, flag))
	case !ok:
		return answerCode{}, r.failInput(r.t.Plain.BadOTP)
	}
	return answerCode{factor: f, value: value}, ""
}

// errEmptyStdin: a --…-stdin flag found no line to read.
type errEmptyStdin struct{ flag string }

func (e errEmptyStdin) Error() string { return e.flag + ": nothing on standard input" }

// inputEnded turns a failed read into the run's outcome; "" when err is nil.
func (r *run) inputEnded(err error) Outcome {
	var empty errEmptyStdin
	switch {
	case err == nil:
		return ""
	case r.ctx.Err() != nil:
		return r.interrupted()
	case errors.As(err, &empty):
		return r.failInput(r.fill(r.t.Plain.EmptyStdin, empty.flag))
	case errors.Is(err, io.EOF): // Ctrl+D: the person chose not to go on
		fmt.Fprintln(r.problem, r.t.Challenge.Cancelled)
		return OutcomeCancelled
	}
	return r.failInput(err.Error())
}

// fill fills a catalog format with a value from the user, made safe to
// print.
func (r *run) fill(format, value string) string {
	return r.t.Sprintf(format, auth0.CleanText(value))
}

// stdinLine reads the next line of stdin, without its line ending. Only
// the line ending is removed: a password may start or end with spaces.
func (r *run) stdinLine(flag string) (string, error) {
	if r.stdin == nil {
		return "", errEmptyStdin{flag}
	}
	line, err := readLine(r.ctx, r.stdin)
	if errors.Is(err, io.EOF) && line == "" {
		return "", errEmptyStdin{flag}
	}
	if err != nil && !errors.Is(err, io.EOF) {
		return "", err
	}
	return line, nil
}

// readLine reads a line, or gives up when ctx ends. The read itself may go
// on blocking after that (nothing can unblock it), but only until the
// process exits, which it is about to do.
func readLine(ctx context.Context, br *bufio.Reader) (string, error) {
	type result struct {
		line string
		err  error
	}
	done := make(chan result, 1)
	go func() {
		line, err := br.ReadString('\n')
		done <- result{strings.TrimRight(line, "\r\n"), err}
	}()
	select {
	case res := <-done:
		return res.line, res.err
	case <-ctx.Done():
		return "", ctx.Err()
	}
}
