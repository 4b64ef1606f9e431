package lint

import (
	"fmt"
	"strings"

	"github.com/glosa/glosa/internal/catalog"
	"github.com/glosa/glosa/internal/catalog/goi18n"
	"github.com/glosa/glosa/internal/catalog/po"
	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/placeholder"
	cldr "github.com/glosa/glosa/internal/plural"
)

// form is one translated form of a message and what placeholder-mismatch
// compares it with. As msgfmt -c does, every form of a plural message is
// compared with the source's general form (go-i18n's other, PO's
// msgid_plural), and a form that stands for one number only may write
// that number as a word and leave placeholders out ("دقيقة واحدة" for
// Arabic one, which is 1 alone); a form that stands for several numbers
// may not (Russian one is 1, 21, 31…: "1 минута" is wrong for 21).
type form struct {
	// name is the form's CLDR category in a go-i18n message ("one"), or
	// "msgstr[1]" in a PO entry; "" for a PO message without plural.
	name string
	// text is the translation; src is the source text whose placeholders
	// it must carry; same is the source's text for this very form (the
	// source's one, msgid), whose placeholders it may also have.
	text, src, same string
	// numbers are the whole numbers of plural.Sample the form stands for,
	// when known (the language's CLDR rules, the PO file's Plural-Forms);
	// lax says the form may lack placeholders: it stands for one number
	// only (0 aside: see oneNumber), or what it stands for is not known
	// and it is not the general form.
	numbers []uint64
	known   bool
	lax     bool
	// header says the numbers come from a PO file's Plural-Forms rather
	// than from CLDR.
	header bool
}

// compare returns what the form lacks and adds: a lax form may lack
// placeholders when it adds none, and a form may have what its own source
// form has.
func (fm form) compare(o placeholder.Options) (placeholder.Diff, error) {
	d, err := placeholder.Compare(fm.src, fm.text, o)
	if err != nil {
		return d, err
	}
	if len(d.Extra) > 0 && fm.same != fm.src {
		if own, err := placeholder.Compare(fm.same, fm.text, o); err == nil {
			var extra []placeholder.Placeholder
			for _, p := range d.Extra {
				for _, q := range own.Extra {
					if p.Key == q.Key {
						extra = append(extra, p)
						break
					}
				}
			}
			d.Extra = extra
		}
	}
	if fm.lax && len(d.Extra) == 0 {
		// The number written as a word; a placeholder in its place
		// ("%s" for "%d") is another matter, and stays reported.
		d.Missing = nil
	}
	return d, nil
}

// oneNumber reports whether a form that stands for ns stands for one
// number: ns is one number, or 0 and one other. A form for 0 and 1
// (French and Portuguese one, a PO msgstr[0] with plural=(n > 1)) is the
// singular, and which form 0 takes is a convention of its own: showing
// "1 min" for a 0-minute read is not worth a finding, while a form for
// 1, 21, 31… that hard-codes "1" is wrong for 21.
func oneNumber(ns []uint64) bool {
	return len(ns) == 1 || len(ns) == 2 && ns[0] == 0
}

// several reports whether the form is a plural form known to stand for
// more than one number, other than the general one: a form whose lack is
// worth explaining by the numbers it stands for.
func (fm form) several() bool {
	return fm.known && !oneNumber(fm.numbers) && len(fm.numbers) > 0 && fm.name != "" && fm.name != string(goi18n.Other)
}

// describeLack says what the form lacks and which numbers it stands for.
func (fm form) describeLack(id, lang string, d placeholder.Diff) l10n.Text {
	missing := strings.Join(texts(d.Missing), ", ")
	numbers := listNumbers(fm.numbers)
	if fm.header {
		return l10n.Msg("lint.placeholder.msgstrLacks", "ID", id, "Form", fm.name, "Missing", missing, "Numbers", numbers)
	}
	return l10n.Msg("lint.placeholder.formLacks", "ID", id, "Form", fm.name, "Missing", missing, "Lang", l10n.Lang(lang), "Numbers", numbers)
}

// listNumbers writes the first three numbers, and "…" when there are more.
func listNumbers(ns []uint64) string {
	var parts []string
	for i, n := range ns {
		if i == 3 {
			parts = append(parts, "…")
			break
		}
		parts = append(parts, fmt.Sprint(n))
	}
	return strings.Join(parts, ", ")
}

// pluralNumbers remembers which numbers each plural form stands for: per
// language, each CLDR category; per PO file, each msgstr[] of its header.
// One lives for one run of a rule.
type pluralNumbers struct {
	sets    cldr.Cache
	byLang  map[string]map[cldr.Category][]uint64
	headers map[*po.File][][]uint64
}

func newPluralNumbers() *pluralNumbers {
	return &pluralNumbers{byLang: map[string]map[cldr.Category][]uint64{}, headers: map[*po.File][][]uint64{}}
}

// categories returns the language's CLDR rules and the numbers of
// plural.Sample in each category; ok is false when CLDR has no rules for
// the language (or its tag does not parse).
func (pn *pluralNumbers) categories(lang string) (cldr.Set, map[cldr.Category][]uint64, bool) {
	set, err := pn.sets.Set(lang)
	if err != nil || !set.Known() {
		return set, nil, false
	}
	m, ok := pn.byLang[lang]
	if !ok {
		m = map[cldr.Category][]uint64{}
		for _, n := range cldr.Sample() {
			c := set.Of(n)
			m[c] = append(m[c], n)
		}
		pn.byLang[lang] = m
	}
	return set, m, true
}

// header returns the numbers each msgstr[] of a PO file stands for by its
// Plural-Forms header, or nil when the header is missing or unusable (the
// plural-forms rule says why).
func (pn *pluralNumbers) header(f *po.File) [][]uint64 {
	idx, ok := pn.headers[f]
	if ok {
		return idx
	}
	if n, src, ok := f.PluralForms(); ok {
		if e, err := cldr.ParseExpr(src); err == nil {
			idx, _ = e.Indexes(n)
		}
	}
	pn.headers[f] = idx
	return idx
}

// goi18nForms returns the translated forms of a go-i18n message. A form
// whose category the language does not use is left out (plural-forms
// reports it): nothing selects it.
func (pn *pluralNumbers) goi18nForms(lang string, sm, tm *goi18n.Message) []form {
	set, byCat, known := pn.categories(lang)
	var out []form
	for _, cat := range goi18n.Forms() {
		t, ok := tm.Text[cat]
		if !ok || t == "" {
			continue
		}
		same := sm.Text[cat]
		if same == "" {
			same = sm.Other()
		}
		fm := form{name: string(cat), text: t, src: sm.Other(), same: same}
		switch {
		case known:
			c := cldr.Category(cat)
			if !set.Has(c) {
				continue
			}
			fm.numbers, fm.known = byCat[c], true
			fm.lax = oneNumber(fm.numbers)
		case cat != goi18n.Other:
			// Without CLDR rules for the language, which numbers the form
			// stands for is not known: only other surely stands for many.
			fm.lax = true
		}
		out = append(out, fm)
	}
	return out
}

// poForms returns the translated forms of a PO entry. With a usable
// Plural-Forms header whose nplurals the entry follows, every msgstr[] is
// compared with msgid_plural, as msgfmt -c does, and one that no number
// selects is left out; otherwise msgstr[0] is compared with msgid and the
// others with msgid_plural.
func (pn *pluralNumbers) poForms(f *catalog.File, e *po.Entry) []form {
	var idx [][]uint64
	if e.HasPlural {
		if idx = pn.header(f.PO); len(idx) != len(e.Translations) {
			idx = nil // plural-forms reports the count
		}
	}
	var out []form
	for i, t := range e.Translations {
		if t == "" {
			continue
		}
		fm := form{text: t, src: e.ID, same: e.ID}
		if e.HasPlural {
			fm.name = fmt.Sprintf("msgstr[%d]", i)
			switch {
			case idx != nil:
				if len(idx[i]) == 0 {
					continue
				}
				fm.src = e.Plural
				fm.numbers, fm.known, fm.header = idx[i], true, true
				fm.lax = oneNumber(idx[i])
			case i > 0:
				fm.src, fm.same = e.Plural, e.Plural
			}
		}
		out = append(out, fm)
	}
	return out
}
