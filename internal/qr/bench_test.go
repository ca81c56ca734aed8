package qr_test

import (
	"testing"

	"github.com/mfapush/mfapush/internal/qr"
	"github.com/mfapush/mfapush/internal/qr/qrtest"
)

func BenchmarkRender(b *testing.B) {
	for b.Loop() {
		if _, err := qr.Render(qrtest.URISandbox, qr.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkString is what a View pays per frame for a cached code.
func BenchmarkString(b *testing.B) {
	c := mustRender(b, qrtest.URISandbox, qr.Options{})
	var n int
	for b.Loop() {
		n += len(c.String())
	}
	_ = n
}
