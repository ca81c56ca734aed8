package qr

import "testing"

func BenchmarkRender(b *testing.B) {
	for b.Loop() {
		if _, err := Render(uriSandbox, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkString is what a View pays per frame for a cached code.
func BenchmarkString(b *testing.B) {
	c := mustRender(b, uriSandbox, Options{})
	var n int
	for b.Loop() {
		n += len(c.String())
	}
	_ = n
}
