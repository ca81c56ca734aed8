package ui

// The fault matrix's helpdesk phases: the Management API token, each
// Management API call of the console, the CIBA request and its poll.

func init() { faultPhases = append(faultPhases, helpdeskFaultPhases...) }

var helpdeskFaultPhases = []faultPhase{
	helpdeskFind("management token", "/oauth/token"),
	helpdeskFind("find user", "/api/v2/users-by-email"),
	{name: "user card", start: JourneyHelpdesk, helpdesk: true, done: "Authentication methods",
		reach: func(e *e2e) string {
			e.typeHelpdeskEmail()
			return "/api/v2/users/" + e.bobID() + "/authentication-methods"
		},
		send: func(e *e2e) { e.press("enter") }},
	atBobsCard("bc-authorize", "/bc-authorize", "Waiting for the approval", func(e *e2e) {
		e.press("v")
		e.waitFor("Message shown on the phone")
	}, "enter"),
	{name: "CIBA poll", start: JourneyHelpdesk, helpdesk: true, done: "Verified: Bob",
		reach: func(e *e2e) string {
			e.bobsCard()
			e.press("v")
			e.waitFor("Message shown on the phone")
			e.press("enter")
			e.waitFor("Waiting for the approval")
			return "/oauth/token"
		},
		answer: func(e *e2e) { e.answerPush(true) }},
	atBobsCard("ticket", "/api/v2/guardian/enrollments/ticket", "Enrollment ticket for Bob", func(*e2e) {}, "e"),
	atBobsCard("recovery code", "", "New recovery code for Bob", func(*e2e) {}, "r"),
	resetPhase(),
}

// resetPhase deletes every factor of bob; the card's reading of the same
// path afterwards is not the call tried again.
func resetPhase() faultPhase {
	p := atBobsCard("reset", "", "No authentication methods.", func(e *e2e) {
		e.press("D")
		e.waitFor("Type the user's email")
		e.typeText("bob@example.com")
	}, "enter")
	p.method = "DELETE"
	return p
}

// helpdeskFind is a phase whose request follows the find screen's enter.
func helpdeskFind(name, path string) faultPhase {
	return faultPhase{name: name, start: JourneyHelpdesk, helpdesk: true, done: "Authentication methods",
		reach: func(e *e2e) string { e.typeHelpdeskEmail(); return path },
		send:  func(e *e2e) { e.press("enter") }}
}

// atBobsCard is a phase whose request a key sends from bob's card, after
// prepare; an empty path is the one the phase's name calls for on bob.
func atBobsCard(name, path, done string, prepare func(*e2e), key string) faultPhase {
	return faultPhase{name: name, start: JourneyHelpdesk, helpdesk: true, done: done,
		reach: func(e *e2e) string {
			e.bobsCard()
			prepare(e)
			switch {
			case path != "":
				return path
			case name == "reset":
				return "/api/v2/users/" + e.bobID() + "/authentication-methods"
			}
			return "/api/v2/users/" + e.bobID() + "/recovery-code-regeneration"
		},
		send: func(e *e2e) { e.press(key) }}
}

func (e *e2e) typeHelpdeskEmail() {
	e.waitFor("Helpdesk: find a user")
	e.typeText("bob@example.com")
}

func (e *e2e) bobsCard() {
	e.typeHelpdeskEmail()
	e.press("enter")
	e.waitFor("Authentication methods")
}

func (e *e2e) bobID() string {
	for _, u := range e.srv.Tenant.Users() {
		if u.Email == "bob@example.com" {
			return u.UserID
		}
	}
	e.t.Fatal("no bob in the sandbox")
	return ""
}
