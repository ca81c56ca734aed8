package i18n

// Plural picks the singular or the plural of a count's message by the
// catalog's rule: English says "1 problem" but "0 problems", French
// "0 problème" and "1 problème".
func (c *Catalog) Plural(n int, one, many string) string {
	singular := n == 1
	if c.Lang == French {
		singular = n == 0 || n == 1
	}
	if singular {
		return one
	}
	return many
}
