// Package flow holds mfapush's steps as Bubble Tea commands and the
// messages they return (sign in, enroll, list, challenge, verify, delete),
// and the polling policy of the approval wait. It renders nothing: the ui
// package and the plain-text mode both drive it.
package flow
