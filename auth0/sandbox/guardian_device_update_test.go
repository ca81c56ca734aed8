package sandbox

import (
	"net/http"
	"testing"
)

func TestGuardianDeviceUpdateRefusals(t *testing.T) {
	s := startSandbox(t, Options{})
	uri := s.associatePush(s.login("alice@example.com")).str("barcode_uri")
	e := enrollRaw(t, s, uri)
	path := "/appliance-mfa/api/device-accounts/" + e.str("id")
	token := e.str("token")
	patch := func(bearer string, body any) answer {
		return s.call(http.MethodPatch, path, bearer, body)
	}
	wantGuardianError(t, patch("", map[string]string{"name": "x"}), 401, "invalid_token")
	wantGuardianError(t, patch("not-the-token", map[string]string{"name": "x"}), 401, "invalid_token")
	wantGuardianError(t, s.call(http.MethodPatch, "/appliance-mfa/api/device-accounts/dev_AAAAAAAAAAAAAAAA", token, map[string]string{"name": "x"}), 404, "device_account_not_found")
	wantGuardianError(t, patch(token, []string{"not", "an", "object"}), 400, "invalid_body")
	wantGuardianError(t, patch(token, map[string]any{"name": 7}), 400, "invalid_body")
	wantGuardianError(t, patch(token, map[string]any{"name": "\x1b\x07"}), 400, "invalid_body")
	// An empty update answers the device as it is.
	if a := patch(token, map[string]any{}); a.status != 200 || a.str("id") != e.str("id") || a.str("name") != "Raw device" {
		t.Errorf("empty update: %d %s", a.status, a.raw)
	}
	// A wrong method gets the Guardian error shape and Allow.
	put := s.call(http.MethodPut, path, token, map[string]any{})
	wantGuardianError(t, put, 405, "method_not_allowed")
	if allow := put.header.Get("Allow"); allow != "DELETE, PATCH" {
		t.Errorf("Allow %q", allow)
	}
}

// enrollRaw enrolls a device with one of the test keys through the raw
// Guardian API and returns the enroll answer.
func enrollRaw(t *testing.T, s *sandbox, barcodeURI string) answer {
	t.Helper()
	d := &ownDevice{key: testKeys()[1], identifier: "raw-device"}
	e := s.guardianEnroll(barcodeURI, map[string]any{"identifier": d.identifier, "name": "Raw device", "public_key": d.jwk(t)})
	if e.status != 201 {
		t.Fatalf("enroll: %d %s", e.status, e.raw)
	}
	return e
}
