//go:build linux

package main

import "testing"

func TestParseGoBench(t *testing.T) {
	out := `goos: linux
BenchmarkView/home-2         	     200	    160123 ns/op	    128456 cpu-ns/op	   57496 B/op	     390 allocs/op
BenchmarkView/home-2         	     200	    150000 ns/op	    120000 cpu-ns/op	   57496 B/op	     390 allocs/op
BenchmarkViewFirst/list-2    	     200	    700000 ns/op	    295000 cpu-ns/op	  100000 B/op	    1000 allocs/op
BenchmarkPendingPoll-2   	  161784	     24149 ns/op	   12305 B/op	      86 allocs/op
PASS
ok  	github.com/mfapush/mfapush/ui	0.051s`
	got := parseGoBench(out)
	if len(got) != 3 {
		t.Fatalf("%d benchmarks, want 3: %+v", len(got), got)
	}
	home := got[0]
	if home.name != "BenchmarkView/home" || len(home.wall) != 2 || len(home.cpu) != 2 || home.allocs != 390 {
		t.Errorf("home: %+v", home)
	}
	if m := median(home.cpu); m != 124228 {
		t.Errorf("median cpu %v", m)
	}
	if got[1].name != "BenchmarkViewFirst/list" || got[2].name != "BenchmarkPendingPoll" || len(got[2].cpu) != 0 {
		t.Errorf("%+v %+v", got[1], got[2])
	}
}
