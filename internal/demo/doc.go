// Package demo is mfapush demo: a story that plays itself on the sandbox
// tenant, through the real interface. Its script (script.go) is data:
// each step a caption and actions (press keys, type text, wait until the
// screen shows some words, hold for the audience). A Player runs it
// beside a Bubble Tea program, sending the program the same
// tea.KeyPressMsg values keys produce, phone taps included (the simulated
// phone answers keys of the interface), and reading the frames the
// program draws; the keys a person presses go to the demo's controls
// instead: pause, next step, quit.
package demo
