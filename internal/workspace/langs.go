package workspace

import (
	"fmt"
	"slices"
	"strings"
)

// LangProblem says what is wrong with a language a user named.
type LangProblem int

// The problems of a named language.
const (
	// LangSyntax: not a BCP 47 tag (nor an alias).
	LangSyntax LangProblem = iota + 1
	// LangSource: the source language, where a translation language is
	// wanted.
	LangSource
	// LangUnknown: not a language of the project.
	LangUnknown
)

// LangError is a language a user named that the project cannot take; the
// user interface words it.
type LangError struct {
	// Value is what the user wrote; Lang its canonical tag, when it has
	// one.
	Value, Lang string
	Problem     LangProblem
	// Langs are the project's translation languages, to choose from.
	Langs []string
}

func (e *LangError) Error() string {
	switch e.Problem {
	case LangSyntax:
		return fmt.Sprintf("%q is not a BCP 47 language tag", e.Value)
	case LangSource:
		return fmt.Sprintf("%s: %s is the source language; choose a translation language (%s)", e.Value, e.Lang, strings.Join(e.Langs, ", "))
	}
	return fmt.Sprintf("%s: not a language of this project (translation languages: %s)", e.Value, strings.Join(e.Langs, ", "))
}

// ParseLangs reads comma-separated lists of languages (es,it) into
// canonical tags that must be translation languages of the project; an
// alias (glosa.yaml's aliases) names the language it stands for. An error
// is a *LangError.
func (p *Project) ParseLangs(values []string) ([]string, error) {
	var out []string
	targets := p.Report.TranslationLanguages()
	for _, v := range values {
		for _, s := range strings.Split(v, ",") {
			s = strings.TrimSpace(s)
			if s == "" {
				continue
			}
			code, err := p.Config.Aliases.Parse(s) // pt-BR is pt where pt-BR is its alias
			if err != nil {
				return nil, &LangError{Value: s, Problem: LangSyntax, Langs: targets}
			}
			if !slices.Contains(targets, code) {
				problem := LangUnknown
				if code == p.Report.Source {
					problem = LangSource
				}
				return nil, &LangError{Value: s, Lang: code, Problem: problem, Langs: targets}
			}
			out = append(out, code)
		}
	}
	return out, nil
}
