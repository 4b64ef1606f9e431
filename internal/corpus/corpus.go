// Package corpus writes realistic glosa repositories of any size, for the
// benchmarks of issue 6 and for tests that need more than a handful of
// files. A corpus is N slugs in L languages under nested folders
// (content/{lang}/section-NN/{slug}.md), with the sample glossary's front
// matter (title, description, category, related, sources), Markdown bodies
// of 1 to 20 KB, a deterministic mix of current, stale, missing,
// untranslated, unverified and orphan translations, and go-i18n catalogs
// with thousands of messages per language.
//
// The same Options always give the same bytes: every random choice comes
// from math/rand sources seeded from Options.Seed and the slug's index, so
// slugs can be written in parallel. The words are invented (English for the
// source, syllables of each language for the translations): what matters
// for speed is the size and shape of the files, and what matters for
// correctness is that a translation has its source's structure but not its
// text.
package corpus

import (
	"errors"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/content"
	"github.com/glosa/glosa/internal/status"
)

// Options say what corpus to write.
type Options struct {
	// Slugs is the number of source entries.
	Slugs int
	// Langs is the number of languages, the source included: 2 to
	// MaxLangs.
	Langs int
	// Messages is the number of messages of the source catalog; 0 means
	// 2000.
	Messages int
	// Sections is the number of folders per language the entries are
	// spread over; 0 means one per 100 slugs.
	Sections int
	// Seed makes another corpus of the same size.
	Seed int64
}

// Summary is what Generate wrote, and so what a scan must find.
type Summary struct {
	// Files counts every file written: the configuration, the entries and
	// the catalogs; Bytes is their size.
	Files int
	Bytes int64
	// Entries counts the content files, sources and translations.
	Entries int
	// Source is the source language; Languages are all, source first.
	Source    string
	Languages []string
	// States counts each translation language's entries by the state
	// glosa must give them (orphans included).
	States map[string]map[status.State]int
	// Messages counts each translation language's catalog messages the
	// same way.
	Messages map[string]map[status.State]int
}

// entryStates are the states a translation of an existing source can be
// given, in the order the first slugs cycle through, so that a small
// corpus has every one.
var entryStates = []status.State{status.Current, status.Stale, status.Missing, status.Untranslated, status.Unverified}

// weights are the chances of each of entryStates, in percent: a project
// in good health with some work to do.
var weights = []int{55, 15, 10, 10, 10}

// configText is the corpus's glosa.yaml: the sample glossary's schema.
const configText = `# A generated corpus (github.com/glosa/glosa/internal/corpus).
source: %s
languages: [%s]
content:
  - path: content/{lang}/{slug}.md
    fields:
      title: text
      description: text
      category: key
      related: slugs
      sources: [{text: text, url: url}]
locales:
  - path: locales/active.{lang}.yaml
`

func (o Options) withDefaults() (Options, error) {
	if o.Slugs < 1 {
		return o, errors.New("corpus: at least one slug is needed")
	}
	if o.Langs < 2 || o.Langs > MaxLangs {
		return o, fmt.Errorf("corpus: languages must be between 2 and %d, not %d", MaxLangs, o.Langs)
	}
	if o.Messages == 0 {
		o.Messages = 2000
	}
	if o.Sections == 0 {
		o.Sections = (o.Slugs + 99) / 100
	}
	return o, nil
}

// Generate writes a corpus into dir, which must be empty or not exist, and
// returns what it wrote.
func Generate(dir string, opts Options) (*Summary, error) {
	opts, err := opts.withDefaults()
	if err != nil {
		return nil, err
	}
	langs := languages[:opts.Langs]
	cfgText := fmt.Sprintf(configText, langs[0], strings.Join(langs, ", "))
	cfg, err := config.Parse(config.FileName, []byte(cfgText))
	if err != nil {
		return nil, fmt.Errorf("corpus: the generated configuration: %w", err)
	}
	g := &generator{
		dir: dir, opts: opts, langs: langs, schema: cfg.Content[0].Fields,
		vocab: map[string][]string{},
		sum: &Summary{
			Source: langs[0], Languages: langs,
			States: map[string]map[status.State]int{}, Messages: map[string]map[status.State]int{},
		},
	}
	for _, code := range langs {
		g.vocab[code] = vocabulary(code)
		if code != langs[0] {
			g.sum.States[code] = map[status.State]int{}
			g.sum.Messages[code] = map[status.State]int{}
		}
	}
	for _, code := range langs {
		for s := range opts.Sections {
			if err := os.MkdirAll(filepath.Join(dir, "content", code, section(s)), 0o755); err != nil {
				return nil, err
			}
		}
	}
	if err := os.MkdirAll(filepath.Join(dir, "locales"), 0o755); err != nil {
		return nil, err
	}
	if err := g.write(config.FileName, []byte(cfgText)); err != nil {
		return nil, err
	}
	if err := g.catalogs(); err != nil {
		return nil, err
	}
	orphans := max(1, opts.Slugs/25)
	jobs := make(chan int)
	errs := make(chan error, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				var err error
				if i < opts.Slugs {
					err = g.slug(i)
				} else {
					err = g.orphan(i - opts.Slugs)
				}
				if err != nil {
					errs <- err
					// Drain the rest so the sender never blocks.
					for range jobs {
					}
					return
				}
			}
		}()
	}
	for i := range opts.Slugs + orphans {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	close(errs)
	if err := <-errs; err != nil {
		return nil, err
	}
	return g.sum, nil
}

type generator struct {
	dir    string
	opts   Options
	langs  []string
	schema *config.Field
	vocab  map[string][]string

	mu  sync.Mutex
	sum *Summary
}

// write writes one file of the corpus and counts it.
func (g *generator) write(rel string, data []byte) error {
	if err := os.WriteFile(filepath.Join(g.dir, filepath.FromSlash(rel)), data, 0o644); err != nil {
		return fmt.Errorf("corpus: %w", err)
	}
	g.mu.Lock()
	g.sum.Files++
	g.sum.Bytes += int64(len(data))
	if strings.HasPrefix(rel, "content/") {
		g.sum.Entries++
	}
	g.mu.Unlock()
	return nil
}

func (g *generator) count(code string, st status.State) {
	g.mu.Lock()
	g.sum.States[code][st]++
	g.mu.Unlock()
}

func section(s int) string { return fmt.Sprintf("section-%02d", s+1) }

// seed returns the seed of one thing of the corpus: kind tells slugs,
// orphans and messages apart.
func (g *generator) seed(kind, i int) int64 {
	return g.opts.Seed*1_000_003 + int64(kind)*1_000_000_007 + int64(i)*7919
}

// slugName returns the slug of source entry i: its section and two words.
func (g *generator) slugName(i int) string {
	r := rand.New(rand.NewSource(g.seed(0, i)))
	en := g.vocab[g.langs[0]]
	s := i * g.opts.Sections / g.opts.Slugs
	return fmt.Sprintf("%s/%s-%s-%d", section(s), en[r.Intn(vocabSize)], en[r.Intn(vocabSize)], i)
}

// pickState returns the state of translation j of slug i: the first slugs
// cycle through every state, the others draw by weight.
func pickState(r *rand.Rand, i, j int) status.State {
	if i < len(entryStates) {
		return entryStates[(i+j)%len(entryStates)]
	}
	return draw(r, entryStates, weights)
}

// slug writes source entry i and its translations.
func (g *generator) slug(i int) error {
	r := rand.New(rand.NewSource(g.seed(1, i)))
	d := g.newDoc(r, g.slugName(i), i)
	src := d.file(g.vocab[g.langs[0]], "")
	if err := g.write(g.path(g.langs[0], d.slug), src); err != nil {
		return err
	}
	parsed, err := content.Parse(src)
	if err != nil {
		return fmt.Errorf("corpus: the generated %s does not parse: %w", g.path(g.langs[0], d.slug), err)
	}
	hash := content.Hash(parsed, g.schema)
	for j, code := range g.langs[1:] {
		st := pickState(r, i, j)
		var extra string
		switch st {
		case status.Missing:
			g.count(code, st)
			continue
		case status.Current:
			extra = "translation:\n  hash: " + hash + "\n"
		case status.Stale:
			extra = "translation:\n  hash: " + oldHash(r) + "\n"
		case status.Untranslated:
			extra = "draft: true\n"
		}
		if err := g.write(g.path(code, d.slug), d.file(g.vocab[code], extra)); err != nil {
			return err
		}
		g.count(code, st)
	}
	return nil
}

// orphan writes translations of a slug the source no longer has: the
// first in every translation language, the others in some.
func (g *generator) orphan(k int) error {
	r := rand.New(rand.NewSource(g.seed(2, k)))
	en := g.vocab[g.langs[0]]
	name := fmt.Sprintf("%s/retired-%s-%d", section(k%g.opts.Sections), en[r.Intn(vocabSize)], k)
	d := g.newDoc(r, name, -1)
	wrote := false
	for j, code := range g.langs[1:] {
		if k > 0 && r.Intn(2) == 0 && (wrote || j < len(g.langs)-2) {
			continue
		}
		wrote = true
		if err := g.write(g.path(code, name), d.file(g.vocab[code], "translation:\n  hash: "+oldHash(r)+"\n")); err != nil {
			return err
		}
		g.count(code, status.Orphan)
	}
	return nil
}

func (g *generator) path(code, slug string) string { return "content/" + code + "/" + slug + ".md" }

// oldHash is the hash of a source version that no longer exists.
func oldHash(r *rand.Rand) string {
	return fmt.Sprintf("%s%016x", content.HashPrefix, r.Uint64())
}
