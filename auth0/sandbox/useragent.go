package sandbox

import (
	"strings"

	"github.com/mfapush/mfapush/auth0/guardian"
)

// parseUserAgent guesses the app and OS shown in a push notification from
// the User-Agent of the request that asked for the challenge.
func parseUserAgent(ua string) *guardian.Source {
	ua = clean(ua, 256)
	src := &guardian.Source{Browser: guardian.Named{Name: "unknown"}, OS: guardian.Named{Name: "unknown"}}
	if ua == "" {
		return src
	}
	first, _, _ := strings.Cut(ua, " ")
	name, version, _ := strings.Cut(first, "/")
	for _, b := range []struct{ token, name string }{
		{"Edg/", "Edge"}, {"Firefox/", "Firefox"}, {"Chrome/", "Chrome"}, {"Safari/", "Safari"},
	} {
		if i := strings.Index(ua, b.token); i >= 0 {
			name = b.name
			version, _, _ = strings.Cut(ua[i+len(b.token):], " ")
			if b.name == "Safari" {
				if j := strings.Index(ua, "Version/"); j >= 0 {
					version, _, _ = strings.Cut(ua[j+len("Version/"):], " ")
				}
			}
			break
		}
	}
	src.Browser = guardian.Named{Name: clean(name, 32), Version: clean(version, 32)}
	for _, o := range []struct{ token, name string }{
		{"Android", "Android"}, {"iPhone", "iOS"}, {"iPad", "iOS"}, {"Mac OS X", "Mac OS"},
		{"Windows", "Windows"}, {"CrOS", "Chrome OS"}, {"Linux", "Linux"},
	} {
		if strings.Contains(ua, o.token) {
			src.OS.Name = o.name
			break
		}
	}
	return src
}

// clean drops control characters and bounds the length of a string that
// came from a client, before it is shown on a phone or a terminal.
func clean(s string, max int) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			return -1
		}
		return r
	}, s)
	s = strings.TrimSpace(s)
	if len(s) > max {
		s = strings.ToValidUTF8(s[:max], "")
	}
	return s
}
