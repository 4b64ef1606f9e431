package corpus

import (
	"fmt"
	"math/rand"
	"strings"

	"github.com/glosa/glosa/internal/catalog/goi18n"
	"github.com/glosa/glosa/internal/status"
)

// messageStates are the states a translated message can be given, in the
// order the first messages cycle through; messageWeights are their
// chances in percent.
var (
	messageStates  = []status.State{status.Current, status.Stale, status.Missing, status.Untranslated, status.Unverified}
	messageWeights = []int{75, 7, 8, 3, 7}
)

// message is one source message.
type message struct {
	id, description string
	seed            int64
	words           int
	placeholder     bool
}

// text renders the message in a language.
func (m message) text(vocab []string) string {
	w := &writer{r: rand.New(rand.NewSource(m.seed)), vocab: vocab}
	s := w.sentence(m.words)
	if m.placeholder {
		s = strings.TrimSuffix(s, ".") + ": {{.Count}}"
	}
	return s
}

// catalogs writes locales/active.{lang}.yaml: the source's messages and, in
// every other language, a mix of states and some orphans.
func (g *generator) catalogs() error {
	en := g.vocab[g.langs[0]]
	msgs := make([]message, g.opts.Messages)
	var src strings.Builder
	src.WriteString("# Generated messages, the source of the other catalogs.\n")
	for i := range msgs {
		r := rand.New(rand.NewSource(g.seed(3, i)))
		m := message{
			id:          fmt.Sprintf("s%02d.%s.%s%d", i%40, en[r.Intn(vocabSize)], en[r.Intn(vocabSize)], i),
			seed:        r.Int63(),
			words:       1 + r.Intn(12),
			placeholder: r.Intn(10) == 0,
		}
		if r.Intn(10) == 0 {
			m.description = "Shown on the " + en[r.Intn(vocabSize)] + " page"
		}
		msgs[i] = m
		if m.description != "" {
			fmt.Fprintf(&src, "%s:\n  description: %s\n  other: %s\n", m.id, quote(m.description), quote(m.text(en)))
		} else {
			fmt.Fprintf(&src, "%s: %s\n", m.id, quote(m.text(en)))
		}
	}
	if err := g.write("locales/active."+g.langs[0]+".yaml", []byte(src.String())); err != nil {
		return err
	}
	for j, code := range g.langs[1:] {
		r := rand.New(rand.NewSource(g.seed(4, j)))
		counts := g.sum.Messages[code]
		var b strings.Builder
		for i, m := range msgs {
			st := messageStates[(i+j)%len(messageStates)]
			if i >= len(messageStates) {
				st = draw(r, messageStates, messageWeights)
			}
			counts[st]++
			text := quote(m.text(g.vocab[code]))
			hash := goi18n.Hash(&goi18n.Message{Description: m.description, Text: map[goi18n.Form]string{goi18n.Other: m.text(en)}})
			switch st {
			case status.Current:
				fmt.Fprintf(&b, "%s:\n  hash: %s\n  other: %s\n", m.id, hash, text)
			case status.Stale:
				old := goi18n.Hash(&goi18n.Message{Text: map[goi18n.Form]string{goi18n.Other: "an older " + m.text(en)}})
				fmt.Fprintf(&b, "%s:\n  hash: %s\n  other: %s\n", m.id, old, text)
			case status.Untranslated:
				fmt.Fprintf(&b, "%s:\n  hash: %s\n  other: ''\n", m.id, hash)
			case status.Unverified:
				fmt.Fprintf(&b, "%s: %s\n", m.id, text)
			}
		}
		// Messages the source dropped, about one in a hundred.
		for k := range max(1, len(msgs)/100) {
			counts[status.Orphan]++
			fmt.Fprintf(&b, "retired.m%d: %s\n", k, quote(message{seed: r.Int63(), words: 1 + r.Intn(8)}.text(g.vocab[code])))
		}
		if err := g.write("locales/active."+code+".yaml", []byte(b.String())); err != nil {
			return err
		}
	}
	return nil
}

// draw picks one of states by weights in percent.
func draw(r *rand.Rand, states []status.State, weights []int) status.State {
	n := r.Intn(100)
	for k, w := range weights {
		if n < w {
			return states[k]
		}
		n -= w
	}
	return states[len(states)-1]
}
