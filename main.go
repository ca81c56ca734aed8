// Command mfapush walks a person through Auth0's MFA API push flow in a terminal:
// enrolling a Guardian push authenticator and answering a push challenge, against a
// real tenant or the built-in sandbox.
package main

import (
	"os"

	"github.com/mfapush/mfapush/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:]))
}
