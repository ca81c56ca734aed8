package plain

import (
	"os"
	"time"

	"github.com/charmbracelet/colorprofile"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/flow"
	"github.com/mfapush/mfapush/internal/qr"
)

// enroll signs in for the MFA API and enrolls the factor asked for: for
// push it shows the enrollment QR code once and waits for the phone to
// enroll; the others are confirmed with a code (enroll_code.go).
func (r *run) enroll() Outcome {
	if _, o := r.signIn(true); o != "" {
		return o
	}
	f := r.enrolling()
	if o := r.enrollRefusal(f); o != "" {
		return o
	}
	r.report.Enrollment = &Enrollment{Factor: f.ID}
	if f != flow.Push {
		return r.enrollWithCode(f)
	}
	r.say(r.t.Working.Associating)
	enrollment, err := flow.Enroll(r.ctx, r.Env, r.session.MFAToken, flow.Push, flow.EnrollInput{})
	if err != nil {
		if p := flow.Diagnose(err); p.Kind == flow.ProblemAlreadyEnrolled && r.ctx.Err() == nil {
			return r.alreadyEnrolled()
		}
		return r.failed(err)
	}
	as, deadline := enrollment.Association, enrollment.At.Add(flow.EnrollmentLifetime)
	r.report.Enrollment.ExpiresAt = deadline.UTC().Truncate(time.Second)
	r.report.Enrollment.RecoveryCodes = len(as.RecoveryCodes)
	r.showCode(as, deadline)
	r.say(r.t.Enroll.Step3)
	stopPhone := r.Sandbox.scan(r.ctx, as.BarcodeURI, flow.PhoneName(r.t, r.session.Credentials.Username))
	defer stopPhone()
	a := flow.NewApproval(r.Env, flow.ApprovalEnrollment, r.session.MFAToken, as.OOBCode, enrollment.At, deadline)
	r.wait(a, r.t.Plain.WaitingPhone)
	r.report.Enrollment.Polls = a.Polls()
	if a.State() != flow.ApprovalApproved {
		return r.enrollEnded(a)
	}
	at := r.now()
	r.earn(a.Tokens(), at)
	o := r.enrolled(flow.Push)
	r.sayRecoveryCodes(as.RecoveryCodes)
	if r.ShowTokens { // the MFA API token the enrollment earned
		r.sayTokens(a.Tokens(), at)
	}
	return o
}

// showCode prints what the phone needs: the QR code (once), the link and
// the deadline.
func (r *run) showCode(as *auth0.Association, deadline time.Time) {
	t := r.t.Enroll
	r.say(t.Step1)
	r.say(t.Step2)
	r.printQR(as.BarcodeURI)
	r.say(r.t.Plain.ValidUntil, r.countdown(deadline.Sub(r.now())), clockTime(deadline))
}

// printQR prints a QR code of uri once, and the link under it.
func (r *run) printQR(uri string) {
	r.sayQR(uri)
	r.sayLabeled("", r.t.Enroll.LinkLabel, uri)
}

// sayQR prints a QR code of text, once; a failure is said, since the link
// printed after it still works.
func (r *run) sayQR(text string) {
	opts := qr.Options{Style: qr.StylePlainDark, Invert: r.InvertQR}
	if r.Color {
		opts.Style = qr.StyleColor
	}
	if code, err := qr.Render(text, opts); err != nil {
		r.say("%s", err) // the link below still works
	} else if r.Color {
		// colorprofile fits the colours to what the terminal can show.
		colorprofile.NewWriter(r.out, os.Environ()).Write([]byte("\n" + code.String() + "\n\n"))
	} else {
		r.say("\n%s\n", code)
	}
}

// sayRecoveryCodes prints the recovery codes of an enrollment once it is
// confirmed, when they start to work, and never again (README, "Recovery
// codes").
func (r *run) sayRecoveryCodes(codes []string) {
	for _, code := range codes {
		r.sayLabeled("", r.t.Enroll.RecoveryTitle, code)
	}
	if len(codes) > 0 {
		r.say(r.t.Plain.RecoveryOnce)
	}
}

// enrolled names the authenticator just enrolled: the newest active one
// of factor f.
func (r *run) enrolled(f *flow.Factor) Outcome {
	list, o := r.list()
	if o != "" {
		// The phone is enrolled all the same: only its name is missing.
		r.say(r.t.Enrolled.Title)
		return OutcomeEnrolled
	}
	var a auth0.Authenticator
	if active := f.Answering(list); len(active) > 0 {
		a = active[len(active)-1] // the newest: the one just enrolled
	}
	device := a.Name
	switch {
	case device != "":
	case f == flow.Push:
		device = r.t.Enrolled.DeviceUnknown
	default:
		device = f.Name(r.t)
	}
	if a.ID != "" {
		found := authenticatorOf(a)
		r.report.Enrollment.Authenticator = &found
	}
	r.say(r.t.App.ExitEnrolled, a.ID, device, r.user())
	return OutcomeEnrolled
}

// enrollEnded says why the wait ended without an enrollment.
func (r *run) enrollEnded(a *flow.Approval) Outcome {
	t := r.t.Enroll
	switch o := outcomeOf(a.State()); o {
	case OutcomeInterrupted:
		return r.interrupted()
	case OutcomeExpired, OutcomeTimedOut:
		return r.failWith(o, string(o), t.Expired, r.t.Plain.StartAgain)
	case OutcomeRateLimited:
		return r.failWith(o, string(o), t.RateLimited, r.t.Plain.StartAgain)
	}
	return r.approvalFailed(a, t.Failed)
}

// alreadyEnrolled explains why an mfa_token cannot enroll a second factor
// and the way that works.
func (r *run) alreadyEnrolled() Outcome {
	t := r.t.AlreadyEnrolled
	return r.failWith(OutcomeAlreadyEnrolled, problemKinds[flow.ProblemAlreadyEnrolled], t.Title, r.t.Plain.AlreadyEnrolled, t.Explain, t.Path)
}

// approvalFailed explains a wait that ended on an answer retrying cannot
// fix.
func (r *run) approvalFailed(a *flow.Approval, title string) Outcome {
	if err := a.LastError(); err != nil {
		return r.failAs(title, flow.Diagnose(err))
	}
	return r.failWith(OutcomeError, problemKinds[flow.ProblemUnknown], title, "")
}
