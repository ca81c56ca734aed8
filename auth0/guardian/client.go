package guardian

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"runtime/debug"
	"sync"
)

// MaxBodyBytes bounds every answer the client reads.
const MaxBodyBytes = 1 << 20

// ErrBodyTooLarge is returned when an answer is over MaxBodyBytes.
var ErrBodyTooLarge = errors.New("guardian: the answer is over 1 MiB")

// clientHeader is the Auth0-Client telemetry header: base64 of a small JSON
// object naming the client, as the Guardian SDKs send.
var clientHeader = sync.OnceValue(func() string {
	version := "dev"
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		version = info.Main.Version
	}
	b, _ := json.Marshal(map[string]string{"name": "mfapush-guardian", "version": version})
	return base64.RawURLEncoding.EncodeToString(b)
})

// call sends a JSON request and decodes a JSON answer into out (nil: the
// answer must be empty or is ignored). A non-2xx answer is an *Error.
func call(ctx context.Context, hc *http.Client, method, url, authorization string, in, out any) error {
	if hc == nil {
		hc = http.DefaultClient
	}
	var body io.Reader
	if in != nil {
		b, err := json.Marshal(in)
		if err != nil {
			return err
		}
		body = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, url, body)
	if err != nil {
		return err
	}
	if in != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("Auth0-Client", clientHeader())
	if authorization != "" {
		req.Header.Set("Authorization", authorization)
	}
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, MaxBodyBytes+1))
	if err != nil {
		return err
	}
	if len(b) > MaxBodyBytes {
		return ErrBodyTooLarge
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return parseError(resp.StatusCode, b)
	}
	if out == nil {
		return nil
	}
	if err := json.Unmarshal(b, out); err != nil {
		return fmt.Errorf("guardian: %s %s answered %d with a body that is not the expected JSON", method, req.URL.Path, resp.StatusCode)
	}
	return nil
}
