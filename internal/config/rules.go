package config

import (
	"errors"
	"regexp"
	"regexp/syntax"
	"strconv"

	"go.yaml.in/yaml/v3"

	"github.com/glosa/glosa/internal/l10n"
)

// Excludes reports whether the rule's findings in the file at rel, a
// slash-separated path from the repository root, are not reported: rel
// matches one of the rule's exclude globs, as a layout's exclude globs
// match (a glob without a slash matches the file name in any folder).
func (rc RuleConfig) Excludes(rel string) bool { return matchGlobs(rc.Exclude, rel) }

// Ignores reports whether one of the rule's ignore patterns matches one of
// texts: a finding's message and the texts it quotes.
func (rc RuleConfig) Ignores(texts ...string) bool {
	for _, re := range rc.Ignore {
		for _, t := range texts {
			if re.MatchString(t) {
				return true
			}
		}
	}
	return false
}

// patterns reads a rule's ignore key: a regular expression (RE2 syntax, as
// Go's regexp reads it) or a list of them.
func (p *parser) patterns(n *yaml.Node) []*regexp.Regexp {
	items, ok := p.list(n, "config.ignoreList")
	if !ok {
		return nil
	}
	var out []*regexp.Regexp
	for _, item := range items {
		s, ok := p.scalar(item, l10n.Msg("config.what.regexp"))
		if !ok {
			continue
		}
		if s == "" {
			p.errorf(item, "config.emptyRegexp")
			continue
		}
		re, err := regexp.Compile(s)
		if err != nil {
			why := err.Error()
			var se *syntax.Error
			if errors.As(err, &se) {
				why = se.Code.String() + ": " + strconv.Quote(se.Expr)
			}
			p.errorf(item, "config.badRegexp", "Pattern", strconv.Quote(s), "Error", why)
			continue
		}
		out = append(out, re)
	}
	return out
}
