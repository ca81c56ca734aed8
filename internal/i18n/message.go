package i18n

import "fmt"

// Words is anything that can be put into words in a catalog's language.
type Words interface {
	In(*Catalog) string
}

// Message is a text and the values that fill it, put into words only when
// it is printed, in the catalog it is printed with: a package can report a
// problem before anyone knows the language. A value that is itself a
// Message, or any other Words, is worded in that same catalog.
type Message struct {
	Text Text
	Args []any
}

// Say is the message of text filled with args.
func Say(text Text, args ...any) Message { return Message{Text: text, Args: args} }

// In words the message in c.
func (m Message) In(c *Catalog) string {
	args := make([]any, len(m.Args))
	for i, a := range m.Args {
		if inner, ok := a.(Words); ok {
			a = inner.In(c)
		}
		args[i] = a
	}
	return fmt.Sprintf(m.Text(c), args...)
}

// String words the message in English, for logs and tests.
func (m Message) String() string { return m.In(For(English)) }
