// Package conformance holds the sandbox's conformance suite: facts about
// real Auth0 answers (status, content type, body keys and types, exact
// error strings), each with its evidence, kept as data in testdata/, and a
// test that drives the sandbox over loopback into each situation and checks
// it against every fact. A difference the sandbox is known to have is
// recorded as such, and the test demands it still differ, so that fixing
// it means flipping the fact to a match. docs/fidelity.md is generated from
// the same data by that test.
//
// The package has no code outside its tests.
package conformance
