package dashboard

import (
	"bufio"
	"bytes"
	"embed"
	"errors"
	"html/template"
	"io"
	"runtime"
	"strings"
	"sync"

	"golang.org/x/text/language"

	"github.com/glosa/glosa/internal/l10n"
)

//go:embed templates/*.html templates/style.css templates/matrix.js
var templates embed.FS

// File is one file of the dashboard: its slash-separated path in the
// output folder and its bytes.
type File struct {
	Name string
	Data []byte
}

// pageData is what a page's template sees.
type pageData struct {
	M *Model
	// Page is the language of a language's page, nil for the index.
	Page *LangPage
	// Since is true on the page of report --since.
	Since bool
	Title string
	CSS   template.CSS
	JS    template.JS
}

// Render makes the dashboard's files: index.html, a page per language
// and the badges, in that order, held in memory (see Write for a large
// project). l words the pages (nil: English); it should be the localizer
// the model was built with.
func Render(m *Model, l *l10n.Localizer) ([]File, error) {
	names := Names(m)
	out := make([]File, len(names))
	index := make(map[string]int, len(names))
	for i, n := range names {
		index[n] = i
	}
	err := Write(m, l, func(name string, fill func(io.Writer) error) error {
		var buf bytes.Buffer
		if err := fill(&buf); err != nil {
			return err
		}
		out[index[name]] = File{Name: name, Data: buf.Bytes()}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Names are the names of the files of m's dashboard, in Render's order.
func Names(m *Model) []string {
	names := []string{"index.html"}
	if m.Since != nil {
		names = append(names, SinceFile)
	}
	for _, p := range m.Pages {
		names = append(names, p.File)
	}
	for _, b := range m.Badges {
		names = append(names, b.File)
	}
	return names
}

// Write renders m's dashboard file by file, each straight into the writer
// that write hands fill: a large project's pages are hundreds of
// megabytes, which held in memory kept the garbage collector busy. The
// pages are rendered in parallel, so write is called from several
// goroutines at once, with distinct names. The first error stops it.
func Write(m *Model, l *l10n.Localizer, write func(name string, fill func(io.Writer) error) error) error {
	if l == nil {
		l = l10n.New(language.English)
	}
	t, err := parse(l)
	if err != nil {
		return err
	}
	css, err := templates.ReadFile("templates/style.css")
	if err != nil {
		return err
	}
	js, err := templates.ReadFile("templates/matrix.js")
	if err != nil {
		return err
	}
	// page writes a page, whose template fill executes on data.
	page := func(name string, data pageData, fill func(w *bufio.Writer, data pageData) error) error {
		data.M, data.CSS = m, template.CSS(css) // our own stylesheet, a constant
		return write(name, func(out io.Writer) error {
			w := bufio.NewWriterSize(out, 64<<10)
			if err := fill(w, data); err != nil {
				return err
			}
			return w.Flush()
		})
	}
	jobs := make([]func() error, 0, 1+len(m.Pages)+len(m.Badges))
	// The script is glosa's own, a constant; it only runs on the index,
	// whose matrix it sorts and filters. The matrix's rows are written
	// between the index's two templates.
	jobs = append(jobs, func() error {
		return page("index.html", pageData{Title: l.T("report.title"), JS: template.JS(js)}, func(w *bufio.Writer, data pageData) error {
			if err := t.ExecuteTemplate(w, "index", data); err != nil {
				return err
			}
			if m.Entries != nil {
				matrixRows(w, &m.Matrix, l)
			}
			return t.ExecuteTemplate(w, "index-end", data)
		})
	})
	if m.Since != nil {
		jobs = append(jobs, func() error {
			return page(SinceFile, pageData{Since: true, Title: m.Since.Heading}, func(w *bufio.Writer, data pageData) error {
				return t.ExecuteTemplate(w, "since", data)
			})
		})
	}
	for i := range m.Pages {
		p := &m.Pages[i]
		title := l.T("report.pageTitle", "Lang", p.Lang, "LangName", p.Name)
		jobs = append(jobs, func() error {
			// A page's work items are made for it, and dropped once it
			// is written (see Model.FillWork).
			pg := p
			if p.Work == nil && p.work != nil {
				filled := *p
				filled.Work = p.work()
				pg = &filled
			}
			// The rows of the work tables, most of a large page, are
			// written between the templates, like the matrix's.
			return page(p.File, pageData{Page: pg, Title: title}, func(w *bufio.Writer, data pageData) error {
				if err := t.ExecuteTemplate(w, "lang", data); err != nil {
					return err
				}
				for i := range pg.Work {
					g := &pg.Work[i]
					if err := t.ExecuteTemplate(w, "work", g); err != nil {
						return err
					}
					workRows(w, g, l)
					if err := t.ExecuteTemplate(w, "work-end", g); err != nil {
						return err
					}
				}
				return t.ExecuteTemplate(w, "lang-end", data)
			})
		})
	}
	for _, b := range m.Badges {
		jobs = append(jobs, func() error {
			return write(b.File, func(w io.Writer) error {
				_, err := w.Write(b.SVG())
				return err
			})
		})
	}
	return parallel(jobs)
}

// parallel runs jobs, as many at a time as Go runs goroutines, and
// returns the first error; after one, the jobs not started are skipped.
func parallel(jobs []func() error) error {
	var (
		mu    sync.Mutex
		next  int
		first error
		wg    sync.WaitGroup
	)
	take := func() func() error {
		mu.Lock()
		defer mu.Unlock()
		if first != nil || next == len(jobs) {
			return nil
		}
		next++
		return jobs[next-1]
	}
	for range min(runtime.GOMAXPROCS(0), len(jobs)) {
		wg.Go(func() {
			for job := take(); job != nil; job = take() {
				if err := job(); err != nil {
					mu.Lock()
					if first == nil {
						first = err
					}
					mu.Unlock()
				}
			}
		})
	}
	wg.Wait()
	return first
}

// parse parses the templates with the functions they use, bound to l.
func parse(l *l10n.Localizer) (*template.Template, error) {
	funcs := template.FuncMap{
		"T":    func(id string, data ...any) string { return l.T(id, data...) },
		"N":    func(id string, n int, data ...any) string { return l.N(id, n, data...) },
		"join": strings.Join,
		"dict": func(pairs ...any) (map[string]any, error) {
			if len(pairs)%2 != 0 {
				return nil, errors.New("dict needs pairs of keys and values")
			}
			m := map[string]any{}
			for i := 0; i < len(pairs); i += 2 {
				k, ok := pairs[i].(string)
				if !ok {
					return nil, errors.New("dict keys are strings")
				}
				m[k] = pairs[i+1]
			}
			return m, nil
		},
		"overview": func(caption string, r *LangRow) Overview { return Overview{Caption: caption, Rows: []LangRow{*r}} },
		"severitySymbol": func(s string) string {
			return map[string]string{"error": "✗", "warning": "!", "info": "i"}[s]
		},
	}
	return template.New("dashboard").Funcs(funcs).ParseFS(templates, "templates/*.html")
}
