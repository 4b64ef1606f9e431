package dashboard

import (
	"bytes"
	"embed"
	"errors"
	"html/template"
	"strings"

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
	Page  *LangPage
	Title string
	CSS   template.CSS
	JS    template.JS
}

// Render makes the dashboard's files: index.html, a page per language
// and the badges, in that order. l words the pages (nil: English); it
// should be the localizer the model was built with.
func Render(m *Model, l *l10n.Localizer) ([]File, error) {
	if l == nil {
		l = l10n.New(language.English)
	}
	t, err := parse(l)
	if err != nil {
		return nil, err
	}
	css, err := templates.ReadFile("templates/style.css")
	if err != nil {
		return nil, err
	}
	js, err := templates.ReadFile("templates/matrix.js")
	if err != nil {
		return nil, err
	}
	var out []File
	render := func(name, file string, data pageData) error {
		var buf bytes.Buffer
		data.M, data.CSS = m, template.CSS(css) // our own stylesheet, a constant
		if err := t.ExecuteTemplate(&buf, name, data); err != nil {
			return err
		}
		out = append(out, File{Name: file, Data: buf.Bytes()})
		return nil
	}
	// The script is glosa's own, a constant; it only runs on the index,
	// whose matrix it sorts and filters.
	if err := render("index", "index.html", pageData{Title: l.T("report.title"), JS: template.JS(js)}); err != nil {
		return nil, err
	}
	for i := range m.Pages {
		p := &m.Pages[i]
		title := l.T("report.pageTitle", "Lang", p.Lang, "LangName", p.Name)
		if err := render("lang", p.File, pageData{Page: p, Title: title}); err != nil {
			return nil, err
		}
	}
	for _, b := range m.Badges {
		out = append(out, File{Name: b.File, Data: b.SVG()})
	}
	return out, nil
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
