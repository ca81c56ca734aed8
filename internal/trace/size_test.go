package trace_test

import (
	"testing"

	"github.com/mfapush/mfapush/internal/i18n"
	"github.com/mfapush/mfapush/internal/trace"
)

// Sizes say one byte in the singular, by each language's rule.
func TestSizeOfOneIsSingular(t *testing.T) {
	if got := trace.Size(1, i18n.For(i18n.English)); got != "1 byte" {
		t.Errorf("English: %q", got)
	}
	if got := trace.Size(0, i18n.For(i18n.French)); got != "0 octet" {
		t.Errorf("French: %q", got)
	}
	if got := trace.Size(2, i18n.For(i18n.French)); got != "2 octets" {
		t.Errorf("French: %q", got)
	}
}
