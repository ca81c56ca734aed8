package cli

import (
	"os"
	"slices"
	"testing"
)

// TestCLIHelperProcess is the command line in a child process of a test:
// Main with the arguments after "--".
func TestCLIHelperProcess(t *testing.T) {
	if os.Getenv("MFAPUSH_CLI_HELPER") != "1" {
		t.Skip("runs only as the child process of another test")
	}
	for _, prepare := range helperSetup {
		prepare()
	}
	os.Exit(Main(os.Args[slices.Index(os.Args, "--")+1:]))
}

// helperSetup runs in the child process before Main: a test file adds what
// its children need (a fault to inject).
var helperSetup []func()
