package config

import (
	"regexp"
	"strconv"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/glosa/glosa/internal/l10n"
)

// DefaultTrailer is the commit trailer that marks a minor commit when
// glosa.yaml's minor key names none.
const DefaultTrailer = "Glosa: minor"

// Minor is the minor key: what marks a commit whose changes to sources
// need no re-translation, so that the translations current before it stay
// current.
type Minor struct {
	// Trailer is a git trailer, "Key: value".
	Trailer string
	// Keywords are words that mark a commit minor when its subject holds
	// one, in any case.
	Keywords []string
}

// MinorRule returns the minor key's rule: DefaultTrailer and no keywords
// when the key is absent.
func (c *Config) MinorRule() Minor {
	if c.Minor == nil {
		return Minor{Trailer: DefaultTrailer}
	}
	return *c.Minor
}

// trailerRE is a trailer as git writes one: a token of letters, digits and
// hyphens, a colon, a value.
var trailerRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9-]*: *\S.*$`) })

// minor reads the minor key: a mapping of trailer and keywords.
func (p *parser) minor(n *yaml.Node) *Minor {
	m := &Minor{Trailer: DefaultTrailer}
	if n.Kind != yaml.MappingNode {
		p.errorf(n, "config.minorMapping")
		return m
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		switch k.Value {
		case "trailer":
			s, ok := p.scalar(v, l10n.Raw("minor.trailer"))
			if !ok {
				continue
			}
			if !trailerRE().MatchString(s) {
				p.errorf(v, "config.minorTrailer", "Value", strconv.Quote(s))
				continue
			}
			m.Trailer = s
		case "keywords":
			items, _ := p.list(v, "config.minorKeywords")
			for _, item := range items {
				if s, ok := p.scalar(item, l10n.Raw("minor.keywords")); ok && s != "" {
					m.Keywords = append(m.Keywords, s)
				}
			}
		default:
			p.errorf(k, "config.unknownMinorKey", "Key", strconv.Quote(k.Value))
		}
	}
	return m
}
