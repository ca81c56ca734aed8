package plain

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/mfapush/mfapush/auth0"
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
func (r *run) input() (creds credentials, o Outcome) {
	creds.username = r.Username
	if creds.username == "" {
		if r.Terminal == nil {
			return creds, r.failInput(r.t.Plain.NoUsername)
		}
		line, err := r.Terminal.ReadLine(r.ctx, r.t.Plain.UsernamePrompt)
		if o := r.inputEnded(err); o != "" {
			return creds, o
		}
		creds.username = strings.TrimSpace(line)
		if creds.username == "" {
			return creds, r.failInput(r.t.SignIn.MissingEmail)
		}
	}
	var err error
	switch {
	case r.PasswordStdin:
		creds.password, err = r.stdinLine("--password-stdin")
	case r.Terminal != nil:
		creds.password, err = r.Terminal.ReadPassword(r.ctx, r.fill(r.t.Plain.PasswordPrompt, creds.username))
	default:
		return creds, r.failInput(r.t.Plain.NoPassword)
	}
	if o := r.inputEnded(err); o != "" {
		return creds, o
	}
	if creds.password == "" {
		return creds, r.failInput(r.t.Plain.EmptyPassword)
	}
	if r.Flow != FlowChallenge {
		return creds, ""
	}
	switch {
	case r.OTPStdin:
		creds.code, o = r.stdinCode("--otp-stdin", methodOTP)
		if o == "" && (len(creds.code.value) != 6 || strings.Trim(creds.code.value, "0123456789") != "") {
			o = r.failInput(r.t.Plain.BadOTP)
		}
	case r.RecoveryCodeStdin:
		creds.code, o = r.stdinCode("--recovery-code-stdin", methodRecoveryCode)
		// Recovery codes are upper case; people copy them any way.
		creds.code.value = strings.ToUpper(creds.code.value)
	}
	return creds, o
}

// credentials are what input gathered.
type credentials struct {
	username, password string
	code               answerCode
}

// answerCode is a code from stdin that answers MFA instead of a push; its
// method is the JSON "challenge.method".
type answerCode struct{ method, value string }

const (
	methodPush         = "push"
	methodOTP          = "otp"
	methodRecoveryCode = "recovery_code"
)

// stdinCode reads the code a flag promised on the next line of stdin,
// without the spaces people type or paste in it.
func (r *run) stdinCode(flag, method string) (answerCode, Outcome) {
	line, err := r.stdinLine(flag)
	if err != nil {
		return answerCode{}, r.inputEnded(err)
	}
	code := answerCode{method: method, value: strings.Join(strings.Fields(line), "")}
	if code.value == "" {
		return code, r.failInput(r.fill(r.t.Plain.EmptyStdin, flag))
	}
	return code, ""
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
	return fmt.Sprintf(format, auth0.CleanText(value))
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
