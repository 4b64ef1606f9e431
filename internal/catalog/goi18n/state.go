package goi18n

import (
	"crypto/sha1"
	"encoding/hex"
	"slices"
	"strconv"
	"sync"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// Hash returns the hash goi18n merge gives a source message and writes into
// every translation of it: "sha1-" and the hex SHA-1 of the description
// followed by the "other" form (goi18n/merge_command.go, func hash). A
// translation whose hash differs was made from other source text.
func Hash(source *Message) string {
	h := sha1.New()
	h.Write([]byte(source.Description))
	h.Write([]byte(source.Other()))
	return "sha1-" + hex.EncodeToString(h.Sum(nil))
}

// State is the state of one message in one language.
type State int

// The states of a message in a translation, as in DESIGN.md.
const (
	// Current: the translation has text and records the source's hash.
	Current State = iota
	// Stale: the translation records another hash; its source changed
	// since. glosa keeps the old text (goi18n merge drops it).
	Stale
	// Missing: the source has the message, the translation does not.
	Missing
	// Untranslated: the translation has the message but no text.
	Untranslated
	// Unverified: the translation has text but no hash, so nobody knows
	// which source text it was made from (go-i18n v1 files, hand edits).
	Unverified
	// Orphan: the translation has a message the source no longer has.
	Orphan
)

// String returns the state's name as glosa prints it in machine formats.
func (s State) String() string {
	switch s {
	case Current:
		return "current"
	case Stale:
		return "stale"
	case Missing:
		return "missing"
	case Untranslated:
		return "untranslated"
	case Unverified:
		return "unverified"
	case Orphan:
		return "orphan"
	}
	return "State(" + strconv.Itoa(int(s)) + ")"
}

// StateOf decides the state of a translated message against its source
// message; either may be nil (Missing, Orphan). The checks run in this
// order: an empty "other" form (the one every language has) is Untranslated
// whatever the hash and the other forms say, then no hash
// is Unverified, then a hash other than Hash(source) is Stale, else Current.
// Plural forms a language lacks do not change the state: they are a finding
// of their own (see MissingForms).
func StateOf(source, translation *Message) State {
	switch {
	case source == nil:
		return Orphan
	case translation == nil:
		return Missing
	case translation.Other() == "":
		// "other" is the form every language has: without it the
		// translation is not usable, whatever other forms it has.
		return Untranslated
	case translation.Hash == "":
		return Unverified
	case translation.Hash != Hash(source):
		return Stale
	}
	return Current
}

// PluralForms returns the plural categories go-i18n v2 uses for a language,
// in CLDR order, and false when go-i18n has no plural rule for it (goi18n
// merge then skips the language).
//
// go-i18n's rule table (generated from CLDR) is internal to its module, so
// the categories are found by asking a go-i18n Localizer to pick a form for
// sample numbers that reach every CLDR category: integers, decimals with one
// and two fraction digits, and compact exponents. That keeps glosa on the
// very rules goi18n merge applies.
func PluralForms(lang language.Tag) ([]Form, bool) {
	if v, ok := pluralCache.Load(lang); ok {
		r := v.(pluralResult)
		return slices.Clone(r.forms), r.ok
	}
	forms, ok := probeForms(lang)
	pluralCache.Store(lang, pluralResult{forms, ok})
	return slices.Clone(forms), ok
}

// pluralCache keeps PluralForms' answers: probing takes thousands of
// localizations, and an import asks once per message.
var pluralCache sync.Map // language.Tag → pluralResult

type pluralResult struct {
	forms []Form
	ok    bool
}

func probeForms(lang language.Tag) ([]Form, bool) {
	b := i18n.NewBundle(lang)
	probe := &i18n.Message{ID: "p", Zero: "zero", One: "one", Two: "two", Few: "few", Many: "many", Other: "other"}
	if err := b.AddMessages(lang, probe); err != nil {
		return nil, false
	}
	loc := i18n.NewLocalizer(b, lang.String())
	seen := map[Form]bool{}
	try := func(n any) {
		s, err := loc.Localize(&i18n.LocalizeConfig{MessageID: "p", PluralCount: n})
		if err == nil {
			seen[Form(s)] = true
		}
	}
	for n := range 1001 {
		try(n)
	}
	for _, n := range []int{10000, 100000, 1000000, 10000000, 100000000, 1000000000} {
		try(n)
	}
	for i := range 2001 {
		try(strconv.Itoa(i/100) + "." + strconv.Itoa(i%100/10) + strconv.Itoa(i%10))
		if i%10 == 0 {
			try(strconv.Itoa(i/100) + "." + strconv.Itoa(i%100/10))
		}
	}
	for e := range 10 {
		for _, m := range []string{"1", "1.1", "2", "3", "5"} {
			try(m + "e" + strconv.Itoa(e))
		}
	}
	var forms []Form
	for _, f := range Forms() {
		if seen[f] {
			forms = append(forms, f)
		}
	}
	return forms, true
}

// RequiredForms returns the plural forms a translation of source into a
// language with the given plural categories must have, as goi18n merge
// decides: only "other" when the source has a single form, else every
// category of the language.
func RequiredForms(source *Message, langForms []Form) []Form {
	n := 0
	for _, s := range source.Text {
		if s != "" {
			n++
		}
	}
	if n == 1 {
		return []Form{Other}
	}
	return langForms
}

// MissingForms returns the forms of RequiredForms that translation lacks;
// all of them when translation is nil.
func MissingForms(source, translation *Message, langForms []Form) []Form {
	var missing []Form
	for _, f := range RequiredForms(source, langForms) {
		if translation == nil || translation.Text[f] == "" {
			missing = append(missing, f)
		}
	}
	return missing
}

// NeedsTranslation reports whether goi18n merge would put the message in
// the language's translate file: it is missing, untranslated, stale, or
// lacks a required plural form. An unverified translation (no hash) with
// all its forms does not need translation: goi18n ignores empty hashes for
// compatibility with go-i18n v1.
func NeedsTranslation(source, translation *Message, langForms []Form) bool {
	switch StateOf(source, translation) {
	case Missing, Untranslated, Stale:
		return true
	case Orphan:
		return false
	}
	return len(MissingForms(source, translation, langForms)) > 0
}
