package config

import (
	"strconv"

	"github.com/glosa/glosa/internal/limits"
)

// KeyDoc is one key of glosa.yaml as the reference documents it. The parser
// reads each key in its own code (Parse, layout, locale, rules); KeyDocs
// declares them once more with their documentation, and a test keeps the
// two in step: a key the parser reads and KeyDocs lacks, or the reverse,
// fails it.
type KeyDoc struct {
	// Path is where the key sits: "source", "content[].path" (a key of
	// each item of the content list), "rules.<rule>.severity".
	Path string
	// Type is what its value is, in words.
	Type string
	// Default is what applies when the key is absent.
	Default string
	// Doc says what it means.
	Doc string
}

// KeyDocs returns every key glosa.yaml accepts, in the order of the
// reference: the top-level keys, then the keys of each content layout,
// each catalog and each rule.
func KeyDocs() []KeyDoc {
	keys := []KeyDoc{
		{"source", "language tag (BCP 47)", "the language with the most entries (ties: the first alphabetically)",
			"the language translations are made from"},
		{"languages", "list of language tags", "every language found in the paths, sorted",
			"every language of the project, source included, in display order; files of other languages are ignored"},
		{"aliases", "mapping of language tag to language tag", "none",
			"other spellings of a language, alias → language (`{pt-BR: pt}`): a path that spells an alias is of the language it stands for, and `--lang` takes an alias too. An alias may not name itself, be given twice or stand for another alias, and every other key names a language by its own tag"},
		{"content", "list of layouts", "one layout, `path: " + DefaultPath + "`; none when the file has `locales:` and no `content:`",
			"where entries live; a file belongs to the first layout whose pattern it matches. `content: []` says the project has no entries"},
		{"content[].path", "path pattern", "none: `path` or `paths` is required",
			"the pattern of every language's files, relative to the root, with `{lang}` once and `{slug}` once; `{slug}` may span folders"},
		{"content[].paths", "mapping of language tag to path pattern", "none",
			"per-language patterns, for a language kept elsewhere: `{en: 'docs/{slug}.md'}`; such a language is never read from `path`"},
		{"content[].exclude", "glob or list of globs", "none",
			"files to ignore: a glob without `/` matches the file name in any folder, with `/` the whole path, `**` spanning folders"},
		{"content[].fields", "mapping of field name to kind", "`title` and `description` as `text`",
			"the front-matter schema: how each field behaves across languages (see the field kinds below)"},
		{"content[].terms", "mapping", "none: the entries are not terms",
			"the layout's entries are terms of a termbase (read by the `term-*` rules): each entry is a concept, named by its slug, and a field of it the concept's term in the entry's language"},
		{"content[].terms.field", "field name", "none: required",
			"the `text` field that holds the term (`title`)"},
		{"content[].terms.synonyms", "field name", "none",
			"a `text` field, or a list of texts (`[text]`), of admitted variants of the term"},
		{"content[].terms.forbidden", "field name", "none",
			"a `text` field, or a list of texts, of variants translations must not use (`term-forbidden`)"},
		{"content[].terms.doNotTranslate", "front-matter key", "none",
			"a key whose value `true` in the source's entry marks a term every language writes unchanged (a product name)"},
		{"content[].terms.caseSensitive", "`true` or `false`", "`false`",
			"whether the terms match only as written; otherwise in any case"},
		{"terms", "mapping", "none",
			"the termbase's term files and inflection rules"},
		{"terms.files", "list of files", "none",
			"term files to add to the termbase, relative to the root: TBX files (`.tbx`: TBX-Core, TBX-Basic or TBX v2 `martif`), which name their languages, and CSV glossaries in the shape Weblate and Crowdin import (`.csv`: columns `source`, `target`, and optionally `description`, `pos`, `flags`), each a mapping with its languages"},
		{"terms.files[].path", "path", "none: required",
			"the file; a list item may be the path alone"},
		{"terms.files[].source", "language tag", "none: required for CSV",
			"the language of a CSV file's `source` column"},
		{"terms.files[].lang", "language tag", "none: required for CSV",
			"the language of a CSV file's `target` column"},
		{"terms.plurals", "mapping of language tag to rules", "`en: [s, es, y>ies]`, `es: [s, es]`, `pt: [s]`, `fr: [s, x]`, `it: [o>i, a>e, e>i]`",
			"how terms inflect, by language: a rule `s` adds a suffix to the term's first or last word, `o>i` replaces that word's final `o`; a language listed here replaces glosa's rules for it"},
		{"minor", "mapping", "`trailer: '" + DefaultTrailer + "'`",
			"what marks a commit as minor: its changes to sources need no re-translation, and the translations current before it stay current (`glosa status` counts them)"},
		{"minor.trailer", "git trailer, `Key: value`", "`" + DefaultTrailer + "`",
			"the trailer of a minor commit's message, as git reads trailers (the message's last paragraph); key and value match in any case"},
		{"minor.keywords", "list of texts", "none",
			"words that mark a commit minor when its subject holds one, in any case, as Lunaria's `ignoreKeywords` (`[fix typo]`)"},
		{"locales", "list of catalogs", "none",
			"message catalogs: go-i18n files (JSON, TOML, YAML) and gettext PO files"},
		{"locales[].path", "path pattern", "none: required",
			"the catalog files: `{lang}` the language (it may appear more than once, spelled the same each time: `help/{lang}/{lang}.po`), `{domain}` a part of the path a source file and its translations share (it may span folders)"},
		{"locales[].source", "language tag", "the project's `source`",
			"the language the messages are written in"},
		{"locales[].lang", "language tag", "none",
			"the language of every file, for a `path` without `{lang}`"},
		{"locales[].format", "`goi18n` or `po`", "from the extension: `.json`, `.toml`, `.yaml`, `.yml` are go-i18n, `.po` is PO",
			"the catalog format"},
		{"locales[].template", "path pattern", "none: each PO file is its own source",
			"PO only: the template (`.pot`, with `{domain}` when `path` has it) whose messages are the source"},
		{"locales[].exclude", "glob or list of globs", "none",
			"files to ignore, as for content"},
		{"rules", "mapping of rule ID to setting", "every rule at its default severity",
			"per-rule settings: `off`, a severity (`error`, `warning`, `info`), or a mapping of the keys below and the rule's own options (see the rules reference)"},
		{"rules.<rule>.severity", "`off`, `error`, `warning` or `info`", "the rule's default severity",
			"the rule's severity, or `off`"},
		{"rules.<rule>.exclude", "glob or list of globs", "none",
			"files whose findings of this rule are not reported, relative to the root, as `content[].exclude` matches them"},
		{"rules.<rule>.ignore", "regular expression (RE2) or list of them", "none",
			"findings whose English message, or a text it quotes, one pattern matches are not reported; an empty pattern is an error"},
		{"repoURL", "URL", "links relative to the dashboard",
			"where `glosa report` links files: an `http` or `https` URL with `{path}` once, which stands for the file's path"},
		{"limits", "mapping of limit name to number", "every limit at its default",
			"bounds on the files glosa reads, for a project whose files are bigger than the defaults allow: a file over a limit is refused with an error at its place, and the rest of the run goes on. Each limit is a whole number from 1 to " + strconv.Itoa(limits.Ceiling) + " times its default (beyond that, a hostile file within the limit would cost minutes and gigabytes); `glosa.yaml` itself is bounded to 1 MB"},
	}
	for _, l := range limitKeys() {
		keys = append(keys, KeyDoc{"limits." + l.name, "whole number", strconv.FormatInt(l.def, 10), l.doc})
	}
	return keys
}

// KindDoc documents one kind of front-matter field.
type KindDoc struct {
	Kind Kind
	// Doc says how a field of the kind behaves.
	Doc string
}

// KindDocs returns the field kinds a schema may name, as the reference
// documents them; a test checks that they are the ones the parser reads.
func KindDocs() []KindDoc {
	return []KindDoc{
		{Text, "translated; part of the source hash; counted in words; checked by `same-as-source`"},
		{Key, "must be identical in every language (`key-mismatch`)"},
		{Slugs, "one slug or a list of slugs of other entries (`related-missing`)"},
		{URL, "may be localized; checked by `locale-link`; not part of the source hash: a changed link does not make translations stale"},
	}
}
