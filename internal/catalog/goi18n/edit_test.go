package goi18n

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const yamlFile = `# Spanish UI strings.
greeting:
  hash: sha1-old
  other: Hola # informal
# The menu.
menu:
  open: Abrir
  close:
    description: Closes the window
    other: Cerrar

# Kept for the old release.
obsolete: Viejo
`

const jsonFile = `{
  "greeting": {
    "hash": "sha1-old",
    "other": "Hola"
  },
  "menu": {
    "open": "Abrir",
    "close": "Cerrar"
  },
  "obsolete": "Viejo"
}
`

const tomlFile = `# Spanish UI strings.
obsolete = "Viejo" # old

[greeting]
hash = "sha1-old"
other = "Hola"

[menu.open]
other = "Abrir"

# Closing.
[menu.close]
description = "Closes the window"
other = "Cerrar"
`

func TestEdit(t *testing.T) {
	set := &Message{ID: "menu.close", Hash: "sha1-new", Text: map[Form]string{Other: "Cerrar ventana"}}
	add := &Message{ID: "farewell", Description: "On logout", Hash: "sha1-abc", Text: map[Form]string{One: "", Other: ""}}
	tests := []struct {
		name, path, in string
		edit           func(f *File) ([]byte, error)
		want           string
	}{
		{
			name: "yaml set", path: "es.yaml", in: yamlFile,
			edit: func(f *File) ([]byte, error) { return f.Set(set) },
			want: `# Spanish UI strings.
greeting:
  hash: sha1-old
  other: Hola # informal
# The menu.
menu:
  open: Abrir
  close:
    hash: sha1-new
    other: Cerrar ventana

# Kept for the old release.
obsolete: Viejo
`,
		},
		{
			name: "yaml set hash only", path: "es.yaml", in: yamlFile,
			edit: func(f *File) ([]byte, error) {
				return f.Set(&Message{ID: "greeting", Hash: "sha1-new", Text: map[Form]string{Other: "Hola"}})
			},
			want: strings.Replace(yamlFile, "hash: sha1-old", "hash: sha1-new", 1),
		},
		{
			name: "yaml set adds fields in order", path: "es.yaml", in: yamlFile,
			edit: func(f *File) ([]byte, error) {
				return f.Set(&Message{ID: "greeting", Description: "Home page", Hash: "sha1-new", Text: map[Form]string{One: "Hola a ti", Other: "Hola"}})
			},
			want: strings.Replace(yamlFile, "  hash: sha1-old\n", "  description: Home page\n  hash: sha1-new\n  one: Hola a ti\n", 1),
		},
		{
			name: "yaml set plain becomes mapping", path: "es.yaml", in: yamlFile,
			edit: func(f *File) ([]byte, error) {
				return f.Set(&Message{ID: "menu.open", Hash: "sha1-h", Text: map[Form]string{Other: "Abrir: ya"}})
			},
			want: strings.Replace(yamlFile, "  open: Abrir\n", "  open:\n    hash: sha1-h\n    other: 'Abrir: ya'\n", 1),
		},
		{
			name: "yaml remove nested", path: "es.yaml", in: yamlFile,
			edit: func(f *File) ([]byte, error) { return f.Remove("menu.open") },
			want: `# Spanish UI strings.
greeting:
  hash: sha1-old
  other: Hola # informal
# The menu.
menu:
  close:
    description: Closes the window
    other: Cerrar

# Kept for the old release.
obsolete: Viejo
`,
		},
		{
			name: "yaml remove last", path: "es.yaml", in: yamlFile,
			edit: func(f *File) ([]byte, error) { return f.Remove("obsolete") },
			want: `# Spanish UI strings.
greeting:
  hash: sha1-old
  other: Hola # informal
# The menu.
menu:
  open: Abrir
  close:
    description: Closes the window
    other: Cerrar

# Kept for the old release.
`,
		},
		{
			name: "yaml add", path: "es.yaml", in: yamlFile,
			edit: func(f *File) ([]byte, error) { return f.Add(add, "en: Goodbye") },
			want: yamlFile + `# en: Goodbye
farewell:
  description: On logout
  hash: sha1-abc
  one: ""
  other: ""
`,
		},
		{
			name: "json set", path: "es.json", in: jsonFile,
			edit: func(f *File) ([]byte, error) { return f.Set(set) },
			want: `{
  "greeting": {
    "hash": "sha1-old",
    "other": "Hola"
  },
  "menu": {
    "open": "Abrir",
    "close": {
      "hash": "sha1-new",
      "other": "Cerrar ventana"
    }
  },
  "obsolete": "Viejo"
}
`,
		},
		{
			name: "json remove first", path: "es.json", in: jsonFile,
			edit: func(f *File) ([]byte, error) { return f.Remove("greeting") },
			want: `{
  "menu": {
    "open": "Abrir",
    "close": "Cerrar"
  },
  "obsolete": "Viejo"
}
`,
		},
		{
			name: "json remove last", path: "es.json", in: jsonFile,
			edit: func(f *File) ([]byte, error) { return f.Remove("obsolete") },
			want: `{
  "greeting": {
    "hash": "sha1-old",
    "other": "Hola"
  },
  "menu": {
    "open": "Abrir",
    "close": "Cerrar"
  }
}
`,
		},
		{
			name: "json add", path: "es.json", in: jsonFile,
			edit: func(f *File) ([]byte, error) { return f.Add(add, "ignored") },
			want: `{
  "greeting": {
    "hash": "sha1-old",
    "other": "Hola"
  },
  "menu": {
    "open": "Abrir",
    "close": "Cerrar"
  },
  "obsolete": "Viejo",
  "farewell": {
    "description": "On logout",
    "hash": "sha1-abc",
    "one": "",
    "other": ""
  }
}
`,
		},
		{
			name: "json add to empty", path: "es.json", in: "{}\n",
			edit: func(f *File) ([]byte, error) { return f.Add(set, "") },
			want: `{
  "menu.close": {
    "hash": "sha1-new",
    "other": "Cerrar ventana"
  }
}
`,
		},
		{
			name: "toml set table", path: "active.es.toml", in: tomlFile,
			edit: func(f *File) ([]byte, error) { return f.Set(set) },
			want: `# Spanish UI strings.
obsolete = "Viejo" # old

[greeting]
hash = "sha1-old"
other = "Hola"

[menu.open]
other = "Abrir"

# Closing.
[menu.close]
hash = "sha1-new"
other = "Cerrar ventana"
`,
		},
		{
			name: "toml set keeps untouched fields", path: "active.es.toml", in: strings.Replace(tomlFile, `other = "Hola"`, `other = "Hola" # informal`, 1),
			edit: func(f *File) ([]byte, error) {
				return f.Set(&Message{ID: "greeting", Hash: "sha1-new", Text: map[Form]string{Other: "Hola"}})
			},
			want: strings.Replace(strings.Replace(tomlFile, `other = "Hola"`, `other = "Hola" # informal`, 1), `hash = "sha1-old"`, `hash = "sha1-new"`, 1),
		},
		{
			name: "toml set key", path: "active.es.toml", in: tomlFile,
			edit: func(f *File) ([]byte, error) {
				return f.Set(&Message{ID: "obsolete", Hash: "sha1-x", Text: map[Form]string{Other: "Antiguo"}})
			},
			want: `# Spanish UI strings.
obsolete = { hash = "sha1-x", other = "Antiguo" }

[greeting]
hash = "sha1-old"
other = "Hola"

[menu.open]
other = "Abrir"

# Closing.
[menu.close]
description = "Closes the window"
other = "Cerrar"
`,
		},
		{
			name: "toml remove table", path: "active.es.toml", in: tomlFile,
			edit: func(f *File) ([]byte, error) { return f.Remove("menu.open") },
			want: `# Spanish UI strings.
obsolete = "Viejo" # old

[greeting]
hash = "sha1-old"
other = "Hola"

# Closing.
[menu.close]
description = "Closes the window"
other = "Cerrar"
`,
		},
		{
			name: "toml remove key", path: "active.es.toml", in: tomlFile,
			edit: func(f *File) ([]byte, error) { return f.Remove("obsolete") },
			want: `# Spanish UI strings.

[greeting]
hash = "sha1-old"
other = "Hola"

[menu.open]
other = "Abrir"

# Closing.
[menu.close]
description = "Closes the window"
other = "Cerrar"
`,
		},
		{
			name: "toml add", path: "active.es.toml", in: tomlFile,
			edit: func(f *File) ([]byte, error) { return f.Add(add, "en: Goodbye") },
			want: tomlFile + `
# en: Goodbye
[farewell]
description = "On logout"
hash = "sha1-abc"
one = ""
other = ""
`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Parse(tt.path, []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			got, err := tt.edit(f)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, string(got)); diff != "" {
				t.Errorf("edit (-want +got):\n%s", diff)
			}
			if _, err := Parse(tt.path, got); err != nil {
				t.Errorf("edited file does not parse: %v", err)
			}
		})
	}
}

func TestEditErrors(t *testing.T) {
	tests := []struct {
		name, path, in string
		edit           func(f *File) ([]byte, error)
		want           error
	}{
		{"add existing", "es.yaml", yamlFile, func(f *File) ([]byte, error) { return f.Add(&Message{ID: "obsolete"}, "") }, ErrExists},
		{"remove unknown", "es.json", jsonFile, func(f *File) ([]byte, error) { return f.Remove("nope") }, ErrNotFound},
		{"toml dotted", "es.toml", "[menu]\nopen.other = \"Abrir\"\n", func(f *File) ([]byte, error) { return f.Remove("menu.open") }, ErrLayout},
		{"yaml flow", "es.yaml", "{a: x, b: y}\n", func(f *File) ([]byte, error) {
			return f.Set(&Message{ID: "a", Text: map[Form]string{Other: "z"}})
		}, ErrLayout},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Parse(tt.path, []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if _, err := tt.edit(f); !errors.Is(err, tt.want) {
				t.Errorf("error = %v, want %v", err, tt.want)
			}
		})
	}
}

// TestAddAll checks that adding messages at once writes the bytes one Add
// after another writes, in every format, into empty files and full ones.
func TestAddAll(t *testing.T) {
	as := []Addition{
		{&Message{ID: "farewell", Description: "On logout", Hash: "sha1-abc", Text: map[Form]string{One: "", Other: ""}}, "en (one): Goodbye\nen (other): Goodbyes"},
		{&Message{ID: "menu.help", Hash: "sha1-def", Text: map[Form]string{Other: ""}}, "en: Help"},
		{&Message{ID: "plain", Text: map[Form]string{Other: "Text: {{.N}}"}}, ""},
	}
	tests := []struct{ path, in string }{
		{"es.yaml", yamlFile}, {"es.yaml", ""}, {"es.yaml", "{}\n"},
		{"es.json", jsonFile}, {"es.json", ""}, {"es.json", "{}\n"}, {"es.json", `{"a": "b"}`},
		{"es.toml", tomlFile}, {"es.toml", ""},
	}
	for _, tt := range tests {
		t.Run(tt.path+"/"+tt.in, func(t *testing.T) {
			f, err := Parse(tt.path, []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			want := f
			for _, a := range as {
				out, err := want.Add(a.Message, a.Comment)
				if err != nil {
					t.Fatalf("Add(%s): %v", a.Message.ID, err)
				}
				if want, err = Parse(tt.path, out); err != nil {
					t.Fatal(err)
				}
			}
			got, err := f.AddAll(as)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(string(want.Bytes()), string(got)); diff != "" {
				t.Errorf("AddAll differs from one Add after another (-Add +AddAll):\n%s", diff)
			}
		})
	}
}

func TestAddAllErrors(t *testing.T) {
	f, err := Parse("es.yaml", []byte(yamlFile))
	if err != nil {
		t.Fatal(err)
	}
	twice := []Addition{{Message: &Message{ID: "new", Text: map[Form]string{Other: "x"}}}, {Message: &Message{ID: "new", Text: map[Form]string{Other: "y"}}}}
	for name, as := range map[string][]Addition{
		"existing": {{Message: &Message{ID: "obsolete", Text: map[Form]string{Other: "x"}}}},
		"group":    {{Message: &Message{ID: "menu", Text: map[Form]string{Other: "x"}}}},
		"twice":    twice,
	} {
		if _, err := f.AddAll(as); !errors.Is(err, ErrExists) {
			t.Errorf("%s: error = %v, want %v", name, err, ErrExists)
		}
	}
}

// TestRemoveAll checks that removing messages at once writes the bytes one
// Remove after another writes, whether the removals are apart (one cut
// each) or meet (a group emptied, neighbours in JSON, the whole file).
func TestRemoveAll(t *testing.T) {
	tests := []struct {
		path, in string
		ids      []string
	}{
		{"es.yaml", yamlFile, []string{"greeting", "obsolete"}},
		{"es.yaml", yamlFile, []string{"menu.open", "obsolete"}},
		{"es.yaml", yamlFile, []string{"menu.open", "menu.close"}},
		{"es.yaml", yamlFile, []string{"greeting", "menu.open", "menu.close", "obsolete"}},
		{"es.yaml", "a: x\nb: y\nc: z\nd: w\n", []string{"d", "b"}},
		{"es.yaml", "a: x\n# b\nb: y\nc:\n  other: z\nd: w # d\n", []string{"b", "c", "d"}},
		{"es.json", jsonFile, []string{"greeting", "obsolete"}},
		{"es.json", jsonFile, []string{"menu.open", "obsolete"}},
		{"es.json", jsonFile, []string{"greeting", "menu.close"}},
		{"es.json", `{"a": "x", "b": "y", "c": "z", "d": "w", "e": "v"}`, []string{"b", "d"}},
		{"es.json", `{"a": "x", "b": "y", "c": "z"}`, []string{"b", "c"}},
		{"es.toml", tomlFile, []string{"greeting", "menu.close"}},
		{"es.toml", tomlFile, []string{"obsolete", "menu.open"}},
		{"es.toml", tomlFile, []string{"greeting", "menu.open", "menu.close"}},
	}
	for _, tt := range tests {
		t.Run(tt.path+"/"+strings.Join(tt.ids, ","), func(t *testing.T) {
			f, err := Parse(tt.path, []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			want := f
			for _, id := range tt.ids {
				out, err := want.Remove(id)
				if err != nil {
					t.Fatalf("Remove(%s): %v", id, err)
				}
				if want, err = Parse(tt.path, out); err != nil {
					t.Fatal(err)
				}
			}
			got, err := f.RemoveAll(tt.ids)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(string(want.Bytes()), string(got)); diff != "" {
				t.Errorf("RemoveAll differs from one Remove after another (-Remove +RemoveAll):\n%s", diff)
			}
		})
	}
}

// TestRemoveApart checks which removals take one cut each, and which go
// one by one.
func TestRemoveApart(t *testing.T) {
	tests := []struct {
		path, in string
		ids      []string
		apart    bool
	}{
		{"es.yaml", yamlFile, []string{"greeting", "obsolete"}, true},
		{"es.yaml", yamlFile, []string{"menu.open", "menu.close"}, false}, // empties menu
		{"es.yaml", "a: x\nb: y\n", []string{"a", "b"}, false},            // empties the file
		{"es.yaml", "a: x\nb: y\nc: z\n", []string{"b", "c"}, true},       // YAML cuts may touch
		{"es.json", `{"a": "x", "b": "y", "c": "z", "d": "w", "e": "v"}`, []string{"b", "d"}, true},
		{"es.json", `{"a": "x", "b": "y", "c": "z"}`, []string{"b", "c"}, false}, // neighbours
		{"es.toml", tomlFile, []string{"greeting", "menu.close"}, true},
	}
	for _, tt := range tests {
		f, err := Parse(tt.path, []byte(tt.in))
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := f.removeApart(tt.ids); ok != tt.apart {
			t.Errorf("%s %v: apart = %v, want %v", tt.path, tt.ids, ok, tt.apart)
		}
	}
}
