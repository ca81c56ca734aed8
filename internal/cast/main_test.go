package cast

import (
	"testing"

	"go.uber.org/goleak"
)

// goleak: no test of this package leaves a goroutine behind.
func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }
