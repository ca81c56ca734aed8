// Package flow holds mfapush's steps, what the interface and the plain
// mode share: each call to Auth0 as a typed function (steps.go: SignIn,
// Enroll, Authenticators, Challenge, Verify, Delete) and as a Bubble Tea
// command answering with a message (commands.go, messages.go); the factors
// mfapush handles, how each is enrolled, challenged, verified and named
// (factor.go); the session and the sign-in each journey needs
// (session.go); the polling policy (poller.go) and the approval wait
// (approval.go); the simulated phone's interface (phone.go); and problems
// explained in the user's words (problem.go, explain.go). It renders
// nothing and knows neither the sandbox nor a screen.
package flow
