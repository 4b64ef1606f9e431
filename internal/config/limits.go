package config

import (
	"slices"
	"strconv"

	"go.yaml.in/yaml/v3"

	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/limits"
)

// limitKey is one key of limits: in glosa.yaml, the limit it sets and its
// default.
type limitKey struct {
	name string
	def  int64
	set  func(l *limits.Limits, v int64)
	doc  string
}

// limitKeys are the keys of limits:, in the order of the reference.
func limitKeys() []limitKey {
	return []limitKey{
		{"entrySize", limits.EntrySize, func(l *limits.Limits, v int64) { l.EntrySize = v },
			"the size of a content entry, in bytes"},
		{"catalogSize", limits.CatalogSize, func(l *limits.Limits, v int64) { l.CatalogSize = v },
			"the size of a message catalog of the repository, in bytes"},
		{"catalogMessages", limits.CatalogMessages, func(l *limits.Limits, v int64) { l.CatalogMessages = int(v) },
			"the messages of a PO catalog, the keys of a go-i18n catalog (a message is one key, or one per field)"},
		{"importSize", limits.ImportSize, func(l *limits.Limits, v int64) { l.ImportSize = v },
			"the size of a file given to `glosa import`, in bytes"},
		{"importUnits", limits.ImportUnits, func(l *limits.Limits, v int64) { l.ImportUnits = int(v) },
			"the units of a file given to `glosa import`: PO entries, XLIFF units, CSV rows, go-i18n keys"},
	}
}

// limits reads the limits key: a mapping of the keys of limitKeys to
// positive integers, each at most limits.Ceiling times its default.
func (p *parser) limits(n *yaml.Node) limits.Limits {
	l := limits.Defaults()
	if n.Kind != yaml.MappingNode {
		p.errorf(n, "config.limitsMapping")
		return l
	}
	keys := limitKeys()
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		j := slices.IndexFunc(keys, func(l limitKey) bool { return l.name == k.Value })
		if j < 0 {
			p.errorf(k, "config.unknownLimitsKey", "Key", strconv.Quote(k.Value))
			continue
		}
		s, ok := p.scalar(v, l10n.Raw("limits."+k.Value))
		if !ok {
			continue
		}
		ceiling := limits.Ceiling * keys[j].def
		x, err := strconv.ParseInt(s, 10, 64)
		if err != nil || x <= 0 || x > ceiling || v.ShortTag() != "!!int" {
			p.errorf(v, "config.limit", "Key", "limits."+k.Value, "Value", strconv.Quote(s), "Max", ceiling)
			continue
		}
		keys[j].set(&l, x)
	}
	return l
}
