package layout

import (
	"slices"

	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/l10n"
)

// jsSite is what a Docusaurus or Astro configuration says of languages.
type jsSite struct {
	def   string   // the default locale (canonical); "" for Starlight's root without a lang
	key   string   // the key that said it: defaultLocale, or "" for the generator's default
	langs []string // the locales (canonical), the default first
	// dirs are, for Starlight, each language's folder under the content
	// collection: the locale's key, "" for the root locale.
	dirs map[string]string
}

// jsReader reads literal values of one file, refusing with the file's
// position what it cannot read.
type jsReader struct {
	name string
	f    *jsFile
	err  error
}

func (r *jsReader) refuse(v *jsValue, key string) {
	if r.err != nil {
		return
	}
	if v == nil || v.line == 0 {
		r.err = config.ErrorAt(r.name, r.f.errLine, r.f.errCol, l10n.Msg("site.jsUnread", "Key", key))
		return
	}
	r.err = config.ErrorAt(r.name, v.line, v.col, l10n.Msg("site.jsComputed", "Key", key, "What", v.str))
}

// field returns obj's property key, refusing (naming it prefix+key) when obj has a member glosa
// cannot read and key is not among those it read: that member may set it.
func (r *jsReader) field(obj *jsValue, prefix, key string) *jsValue {
	if v := obj.field(key); v != nil {
		return v
	}
	if obj != nil && obj.unknown != nil {
		r.refuse(obj.unknown, prefix+key)
	}
	return nil
}

// lang reads a language tag from a string value.
func (r *jsReader) lang(v *jsValue, key string) string {
	if v == nil || r.err != nil {
		return ""
	}
	if v.kind != jsString {
		r.refuse(v, key)
		return ""
	}
	code, ok := Code(v.str)
	if !ok {
		r.err = config.ErrorAt(r.name, v.line, v.col, l10n.Msg("site.notLanguage", "Key", key, "Value", v.str))
		return ""
	}
	return code
}

// object checks that v is an object literal.
func (r *jsReader) object(v *jsValue, key string) bool {
	if v == nil || r.err != nil {
		return false
	}
	if v.kind != jsObject {
		r.refuse(v, key)
		return false
	}
	return true
}

// readDocusaurus reads docusaurus.config.*'s i18n: defaultLocale and
// locales. A configuration without i18n has Docusaurus's default: en
// alone.
func readDocusaurus(name string, data []byte) (*jsSite, error) {
	r := &jsReader{name: name, f: parseJS(string(data))}
	s := &jsSite{}
	i18n := r.f.property("i18n")
	if i18n == nil {
		if r.f.errLine > 0 {
			r.refuse(nil, "i18n")
			return nil, r.err
		}
		s.def, s.langs = "en", []string{"en"}
		return s, nil
	}
	if !r.object(i18n, "i18n") {
		return nil, r.err
	}
	s.def, s.key = r.lang(r.field(i18n, "i18n.", "defaultLocale"), "i18n.defaultLocale"), "defaultLocale"
	if s.def == "" && r.err == nil {
		s.def, s.key = "en", ""
	}
	if locales := r.field(i18n, "i18n.", "locales"); locales != nil && r.err == nil {
		if locales.kind != jsArray || locales.unknown != nil {
			r.refuse(cmpOr(locales.unknown, locales), "i18n.locales")
		}
		for _, item := range locales.items {
			if code := r.lang(item, "i18n.locales"); code != "" && !slices.Contains(s.langs, code) {
				s.langs = append(s.langs, code)
			}
		}
	}
	if r.err != nil {
		return partial(s), r.err
	}
	s.langs = defaultFirst(s.def, s.langs)
	return s, nil
}

// partial returns what was read of a site before a refusal: its default
// language alone, which init still weighs; nil when it was not read.
func partial(s *jsSite) *jsSite {
	if s == nil || s.def == "" {
		return nil
	}
	return &jsSite{def: s.def, key: s.key}
}

// readAstro reads astro.config.*: Starlight's locales and defaultLocale
// (starlight({locales: {root: {label: 'English', lang: 'en'}, fr: {…}}})),
// else Astro's own i18n: {defaultLocale, locales: ['en', 'fr']}. It
// returns nil, nil for a configuration that says neither.
func readAstro(name string, data []byte) (*jsSite, error) {
	r := &jsReader{name: name, f: parseJS(string(data))}
	if opts := r.f.call("starlight"); opts != nil {
		if !r.object(opts, "starlight") {
			return nil, r.err
		}
		if locales := r.field(opts, "", "locales"); locales != nil || r.err != nil {
			site, err := r.starlight(opts, locales)
			if err != nil {
				// defaultLocale: 'en' beside a computed locales: a locale
				// key spelling a language is likely that language.
				if def := opts.field("defaultLocale"); def != nil && def.kind == jsString {
					if code, ok := Code(def.str); ok {
						return &jsSite{def: code, key: "defaultLocale"}, err
					}
				}
			}
			return site, err
		}
	}
	i18n := r.f.property("i18n")
	if i18n == nil {
		if r.f.errLine > 0 {
			r.refuse(nil, "i18n")
			return nil, r.err
		}
		return nil, nil
	}
	if !r.object(i18n, "i18n") {
		return nil, r.err
	}
	s := &jsSite{key: "defaultLocale"}
	s.def = r.lang(r.field(i18n, "i18n.", "defaultLocale"), "i18n.defaultLocale")
	if locales := r.field(i18n, "i18n.", "locales"); locales != nil && r.err == nil {
		if locales.kind != jsArray || locales.unknown != nil {
			r.refuse(cmpOr(locales.unknown, locales), "i18n.locales")
		}
		for _, item := range locales.items {
			if item.kind == jsObject {
				// {path: 'spanish', codes: ['es', 'es-ES']}: glosa takes the codes' first.
				codes := r.field(item, "i18n.locales.", "codes")
				if codes == nil || codes.kind != jsArray || len(codes.items) == 0 {
					r.refuse(cmpOr(codes, item), "i18n.locales.codes")
					break
				}
				item = codes.items[0]
			}
			if code := r.lang(item, "i18n.locales"); code != "" && !slices.Contains(s.langs, code) {
				s.langs = append(s.langs, code)
			}
		}
	}
	if r.err != nil {
		return nil, r.err
	}
	if s.def == "" {
		return nil, nil
	}
	s.langs = defaultFirst(s.def, s.langs)
	return s, nil
}

// starlight reads Starlight's locales: each key is a folder of the
// content collection, root the collection itself; a locale's lang is its
// language when the key does not spell it.
func (r *jsReader) starlight(opts, locales *jsValue) (*jsSite, error) {
	if !r.object(locales, "locales") {
		return nil, r.err
	}
	if locales.unknown != nil {
		r.refuse(locales.unknown, "locales")
		return nil, r.err
	}
	s := &jsSite{dirs: map[string]string{}}
	langOf := map[string]string{}
	for _, key := range locales.keys {
		conf := locales.fields[key]
		code := ""
		if r.object(conf, "locales."+key) {
			code = r.lang(r.field(conf, "locales."+key+".", "lang"), "locales."+key+".lang")
		}
		if code == "" && key != "root" {
			code = r.lang(&jsValue{kind: jsString, str: key, line: conf.line, col: conf.col}, "locales")
		}
		if r.err != nil {
			return nil, r.err
		}
		if code == "" {
			// The root locale without a lang: Starlight's default, en.
			code = "en"
		}
		dir := key
		if key == "root" {
			dir = ""
		}
		if _, dup := s.dirs[code]; dup {
			continue
		}
		s.dirs[code] = dir
		langOf[key] = code
		s.langs = append(s.langs, code)
	}
	def := r.field(opts, "", "defaultLocale")
	switch {
	case r.err != nil:
		return nil, r.err
	case def == nil && langOf["root"] != "":
		s.def = langOf["root"]
	case def == nil:
		if len(s.langs) == 0 {
			return nil, nil
		}
		s.def = s.langs[0]
	case def.kind != jsString:
		r.refuse(def, "defaultLocale")
		return nil, r.err
	default:
		code, ok := langOf[def.str]
		if !ok {
			return nil, config.ErrorAt(r.name, def.line, def.col, l10n.Msg("site.notLocale", "Value", def.str))
		}
		s.def, s.key = code, "defaultLocale"
	}
	s.langs = defaultFirst(s.def, s.langs)
	return s, nil
}

// call finds the first call of the function name with a literal argument
// (starlight({…})) and reads the argument.
func (f *jsFile) call(name string) *jsValue {
	for i := 0; i+2 < len(f.toks); i++ {
		t, open := f.toks[i], f.toks[i+1]
		if t.kind == 'i' && t.text == name && open.kind == 'p' && open.text == "(" {
			if i > 0 && f.toks[i-1].kind == 'i' && f.toks[i-1].text == "function" {
				continue
			}
			if arg := f.toks[i+2]; arg.kind == 'p' && arg.text == ")" {
				return nil // starlight(): no options
			}
			v, _ := f.value(i + 2)
			return v
		}
	}
	return nil
}

// cmpOr returns the first of its values that is not nil.
func cmpOr(vs ...*jsValue) *jsValue {
	for _, v := range vs {
		if v != nil {
			return v
		}
	}
	return nil
}

// defaultFirst returns langs with def first.
func defaultFirst(def string, langs []string) []string {
	out := []string{def}
	for _, l := range langs {
		if l != def {
			out = append(out, l)
		}
	}
	return out
}
