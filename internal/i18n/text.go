package i18n

// Text picks one string out of a catalog, so that code that does not know
// the language yet can say which words it means: the string is read from
// the catalog of whoever prints it.
type Text func(*Catalog) string
