package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/mfapush/mfapush/flow"
	"github.com/mfapush/mfapush/internal/i18n"
	"github.com/mfapush/mfapush/internal/plain"
	"github.com/mfapush/mfapush/ui"
)

// factorFlags are the plain-only flags for the factors beside push: the
// interface asks for the same in its screens.
var factorFlags = []string{"factor", "phone-number", "email", "code-stdin"}

// addFactorFlags adds them where they apply: the factor and what it needs
// to enroll; the code on stdin for both enroll and challenge.
func (f *plainFlags) addFactorFlags(cmd *cobra.Command, start ui.Journey, t *i18n.Catalog) {
	fl := cmd.Flags()
	w := t.Factors
	if start == ui.JourneyEnroll {
		fl.StringVar(&f.factor, "factor", flow.Push.ID, w.FlagFactor)
		fl.StringVar(&f.phoneNumber, "phone-number", "", w.FlagPhoneNumber)
		fl.StringVar(&f.email, "email", "", w.FlagEmail)
	}
	if start == ui.JourneyEnroll || start == ui.JourneyChallenge {
		fl.BoolVar(&f.codeStdin, "code-stdin", false, w.FlagCodeStdin)
	}
}

// checkFactorFlags refuses a factor mfapush does not enroll, and
// --code-stdin beside the flags that read another code.
func (f *plainFlags) checkFactorFlags(cmd *cobra.Command) error {
	s, _, _ := loadSettings(cmd)
	t := catalogOf(s)
	if fac, ok := flow.FactorByID(f.factor); f.factor != "" && (!ok || fac.Associate == nil) {
		return usageError{fmt.Errorf(t.Factors.UnknownFactor, f.factor)}
	}
	switch {
	case f.codeStdin && f.otpStdin:
		return usageError{fmt.Errorf(t.CLI.FlagsExclusive, "--code-stdin", "--otp-stdin")}
	case f.codeStdin && f.recoveryCodeStdin:
		return usageError{fmt.Errorf(t.CLI.FlagsExclusive, "--code-stdin", "--recovery-code-stdin")}
	}
	return nil
}

// configureFactors passes them on to the plain run.
func (f *plainFlags) configureFactors(cfg *plain.Config) {
	if fac, ok := flow.FactorByID(f.factor); ok {
		cfg.Factor = fac
	}
	cfg.PhoneNumber, cfg.Email, cfg.CodeStdin = f.phoneNumber, f.email, f.codeStdin
}
