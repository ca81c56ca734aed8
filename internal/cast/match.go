package cast

// matcher finds secrets in a stream of characters, one at a time: whole
// values with an Aho-Corasick automaton, runs of a token's characters with a
// suffix automaton of all tokens.
type matcher struct {
	whole  wholeMatcher
	frags  fragmentMatcher
	state  int32 // in whole
	fstate int32 // in frags
	flen   int   // characters of the current run found in a token
}

func newMatcher(whole, tokens []string) *matcher {
	return &matcher{whole: buildWhole(whole), frags: buildFragments(tokens)}
}

// reset forgets the characters stepped so far.
func (m *matcher) reset() { m.state, m.fstate, m.flen = 0, 0, 0 }

// step reads r and returns how many of the last characters (r included)
// are part of a secret, and how many may still become part of one with
// the characters to come.
func (m *matcher) step(r rune) (mask, hold int) {
	var depth, longest int
	m.state, depth, longest = m.whole.step(m.state, r)
	m.fstate, m.flen = m.frags.step(m.fstate, m.flen, r)
	mask = longest
	if m.flen >= MinFragment {
		mask = max(mask, m.flen)
	}
	return mask, max(depth, m.flen)
}

// wholeMatcher is an Aho-Corasick automaton over runes. Node 0 is the root.
type wholeMatcher struct {
	next    []map[rune]int32
	fail    []int32
	depth   []int
	longest []int // the longest value that ends at this node
}

func buildWhole(values []string) wholeMatcher {
	a := wholeMatcher{next: []map[rune]int32{{}}, fail: []int32{0}, depth: []int{0}, longest: []int{0}}
	for _, v := range values {
		node := int32(0)
		n := 0
		for _, r := range v {
			n++
			child, ok := a.next[node][r]
			if !ok {
				child = int32(len(a.next))
				a.next[node][r] = child
				a.next = append(a.next, map[rune]int32{})
				a.fail = append(a.fail, 0)
				a.depth = append(a.depth, n)
				a.longest = append(a.longest, 0)
			}
			node = child
		}
		a.longest[node] = max(a.longest[node], n)
	}
	// Breadth first, so that a node's failure is done before its children's.
	queue := []int32{}
	for _, child := range a.next[0] {
		queue = append(queue, child)
	}
	for len(queue) > 0 {
		node := queue[0]
		queue = queue[1:]
		for r, child := range a.next[node] {
			f := a.fail[node]
			for f != 0 {
				if _, ok := a.next[f][r]; ok {
					break
				}
				f = a.fail[f]
			}
			if target, ok := a.next[f][r]; ok && target != child {
				a.fail[child] = target
			}
			a.longest[child] = max(a.longest[child], a.longest[a.fail[child]])
			queue = append(queue, child)
		}
	}
	return a
}

// step returns the next node, the length of the longest suffix read that
// begins a value, and the length of the longest value that ends here.
func (a *wholeMatcher) step(node int32, r rune) (next int32, depth, longest int) {
	for node != 0 {
		if _, ok := a.next[node][r]; ok {
			break
		}
		node = a.fail[node]
	}
	if child, ok := a.next[node][r]; ok {
		node = child
	}
	return node, a.depth[node], a.longest[node]
}

// fragmentMatcher is a suffix automaton of the tokens, joined by separators
// that never occur in text: it tells the longest run of the text read so far
// that occurs in a token.
type fragmentMatcher struct {
	next   []map[rune]int32
	link   []int32
	length []int
}

func buildFragments(tokens []string) fragmentMatcher {
	a := fragmentMatcher{next: []map[rune]int32{{}}, link: []int32{-1}, length: []int{0}}
	last := int32(0)
	for i, t := range tokens {
		if i > 0 {
			last = a.extend(last, rune(-i)) // a separator no text holds
		}
		for _, r := range t {
			last = a.extend(last, r)
		}
	}
	return a
}

func (a *fragmentMatcher) newState(length int, link int32, next map[rune]int32) int32 {
	a.next = append(a.next, next)
	a.link = append(a.link, link)
	a.length = append(a.length, length)
	return int32(len(a.next) - 1)
}

// extend is the classic online construction.
func (a *fragmentMatcher) extend(last int32, r rune) int32 {
	cur := a.newState(a.length[last]+1, 0, map[rune]int32{})
	p := last
	for p != -1 {
		if _, ok := a.next[p][r]; ok {
			break
		}
		a.next[p][r] = cur
		p = a.link[p]
	}
	if p == -1 {
		return cur
	}
	q := a.next[p][r]
	if a.length[p]+1 == a.length[q] {
		a.link[cur] = q
		return cur
	}
	next := make(map[rune]int32, len(a.next[q]))
	for k, v := range a.next[q] {
		next[k] = v
	}
	clone := a.newState(a.length[p]+1, a.link[q], next)
	for p != -1 && a.next[p][r] == q {
		a.next[p][r] = clone
		p = a.link[p]
	}
	a.link[q], a.link[cur] = clone, clone
	return cur
}

// step returns the state and length of the longest suffix of the text read
// (r included) that occurs in a token.
func (a *fragmentMatcher) step(state int32, length int, r rune) (int32, int) {
	for state != 0 {
		if _, ok := a.next[state][r]; ok {
			break
		}
		state = a.link[state]
		length = a.length[state]
	}
	if next, ok := a.next[state][r]; ok {
		return next, length + 1
	}
	return 0, 0
}
