package config

import (
	"go.yaml.in/yaml/v3"

	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/lang"
)

// Aliases are other spellings of the project's languages, from glosa.yaml's
// aliases key: each maps a language tag as some files spell it to the
// language it is, both canonical. A Hugo site whose pt pages use the
// catalog i18n/pt-br.yaml (the language's locale) declares
//
//	aliases:
//	  pt-BR: pt
//
// and pt-br.yaml is then the Portuguese catalog, and content/pt-br/… would
// be Portuguese entries.
type Aliases map[string]string

// Of returns the language code is an alias of, or code itself.
func (a Aliases) Of(code string) string {
	if to, ok := a[code]; ok {
		return to
	}
	return code
}

// Parse parses a language tag as it is spelled in a path and returns the
// language it is: its canonical tag, or the language it is an alias of.
func (a Aliases) Parse(raw string) (string, error) {
	code, err := lang.Parse(raw)
	if err != nil {
		return "", err
	}
	return a.Of(code), nil
}

// languageUse is a language written in glosa.yaml outside aliases, which
// must not be an alias: where it is written, for the error.
type languageUse struct {
	code string
	node *yaml.Node
}

// aliases reads the aliases key: a mapping of language tags to language
// tags. An alias may not be the language itself, be given twice (in any
// spelling), or map to another alias.
func (p *parser) aliases(n *yaml.Node) Aliases {
	if n.Kind != yaml.MappingNode {
		p.errorf(n, "config.aliasesMapping")
		return nil
	}
	out := Aliases{}
	lines := map[string]int{}
	tag := func(v *yaml.Node) string {
		s, ok := p.scalar(v, l10n.Msg("config.what.language"))
		if !ok {
			return ""
		}
		code, err := lang.Parse(s)
		if err != nil {
			p.fail(v, l10n.TextOf(err))
			return ""
		}
		return code
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		alias, to := tag(k), tag(v)
		if alias == "" || to == "" {
			continue
		}
		switch line, dup := lines[alias]; {
		case dup:
			p.errorf(k, "config.aliasTwice", "Alias", alias, "Line", line)
		case alias == to:
			p.errorf(k, "config.aliasSelf", "Alias", alias)
		default:
			out[alias], lines[alias] = to, k.Line
		}
	}
	p.aliasLines = lines
	for i := 0; i+1 < len(n.Content); i += 2 {
		v := n.Content[i+1]
		if to, err := lang.Parse(v.Value); err == nil {
			if further, chained := out[to]; chained {
				p.errorf(v, "config.aliasChain", "Lang", to, "Other", further)
			}
		}
	}
	return out
}

// checkAliasUses reports every language written elsewhere in glosa.yaml
// that is an alias: the language it stands for must be written instead,
// so that each language has one name in the configuration.
func (p *parser) checkAliasUses(a Aliases) {
	for _, u := range p.langUses {
		if to, ok := a[u.code]; ok {
			p.errorf(u.node, "config.aliasUsed", "Alias", u.code, "Lang", to, "Line", p.aliasLines[u.code])
		}
	}
}
