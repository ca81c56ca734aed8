package i18n

import (
	"reflect"
	"testing"
)

// The catalogs are built at their first use: For gives the same catalog
// every time, the one its language's builder makes.
func TestForBuildsEachCatalogOnce(t *testing.T) {
	builders := map[Lang]func() Catalog{English: englishCatalog, French: frenchCatalog}
	for _, l := range Supported {
		first, again := For(l), For(l)
		if first != again {
			t.Errorf("For(%s) gave two catalogs", l)
		}
		if first.Lang != l {
			t.Errorf("For(%s) is the %s catalog", l, first.Lang)
		}
		if want := builders[l](); !reflect.DeepEqual(*first, want) {
			t.Errorf("For(%s) differs from the catalog its builder makes", l)
		}
	}
	if For("de") != For(English) {
		t.Error("an unknown language does not get the English catalog")
	}
}
