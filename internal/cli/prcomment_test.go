package cli_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// fakeComment is a pull request comment as the fake API keeps it.
type fakeComment struct {
	ID   int    `json:"id"`
	Body string `json:"body"`
}

// fakeIssues serves the REST API's issue comments of pull request 7 of
// owner/repo on loopback, as GitHub does, to a client with token "tok";
// it starts with one comment that is not glosa's.
type fakeIssues struct {
	mu       sync.Mutex
	comments []fakeComment
	calls    []string // method and path of each request
}

func (f *fakeIssues) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, r.Method+" "+r.URL.Path)
	if r.Header.Get("Authorization") != "Bearer tok" {
		http.Error(w, `{"message":"Bad credentials"}`, http.StatusUnauthorized)
		return
	}
	var in fakeComment
	if r.Method == http.MethodPost || r.Method == http.MethodPatch {
		if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
	}
	const list, one = "/api/repos/owner/repo/issues/7/comments", "/api/repos/owner/repo/issues/comments/"
	switch {
	case r.Method == http.MethodGet && r.URL.Path == list:
		out := []fakeComment{}
		if r.URL.Query().Get("page") == "1" {
			out = f.comments
		}
		json.NewEncoder(w).Encode(out)
	case r.Method == http.MethodPost && r.URL.Path == list:
		in.ID = 100 + len(f.comments)
		f.comments = append(f.comments, in)
		w.WriteHeader(http.StatusCreated)
		json.NewEncoder(w).Encode(in)
	case r.Method == http.MethodPatch && strings.HasPrefix(r.URL.Path, one):
		id, _ := strconv.Atoi(strings.TrimPrefix(r.URL.Path, one))
		for i := range f.comments {
			if f.comments[i].ID == id {
				f.comments[i].Body = in.Body
				json.NewEncoder(w).Encode(f.comments[i])
				return
			}
		}
		http.NotFound(w, r)
	default:
		http.NotFound(w, r)
	}
}

// TestPRComment: .ci/pr-comment, which the Action runs with comment: true,
// posts the body as one comment on the first run, updates that comment on
// the second, and skips outside a pull request.
func TestPRComment(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("a bash script")
	}
	for _, tool := range []string{"bash", "curl", "jq"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("no %s: %v", tool, err)
		}
	}
	f := &fakeIssues{comments: []fakeComment{{ID: 1, Body: "LGTM"}}}
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	env := []string{"GITHUB_TOKEN=tok", "GITHUB_REPOSITORY=owner/repo", "GITHUB_API_URL=" + srv.URL + "/api", "PR_NUMBER=7", "GITHUB_EVENT_NAME=pull_request"}
	body := filepath.Join(t.TempDir(), "body.md")
	post := func(text, want string) {
		t.Helper()
		if err := os.WriteFile(body, []byte(text), 0o666); err != nil {
			t.Fatal(err)
		}
		out, err := script(t, env, "pr-comment", body)
		if err != nil || out != want {
			t.Errorf("pr-comment printed %q (%v), want %q", out, err, want)
		}
	}
	post("### first\n", "pr-comment: posted comment 101 on pull request #7\n")
	post("### second\n", "pr-comment: updated comment 101 on pull request #7\n")
	want := []fakeComment{{ID: 1, Body: "LGTM"}, {ID: 101, Body: "<!-- glosa:status -->\n### second\n"}}
	if diff := cmp.Diff(want, f.comments); diff != "" {
		t.Errorf("comments (-want +got):\n%s", diff)
	}
	calls := []string{
		"GET /api/repos/owner/repo/issues/7/comments", "POST /api/repos/owner/repo/issues/7/comments",
		"GET /api/repos/owner/repo/issues/7/comments", "PATCH /api/repos/owner/repo/issues/comments/101",
	}
	if diff := cmp.Diff(calls, f.calls); diff != "" {
		t.Errorf("requests (-want +got):\n%s", diff)
	}

	t.Run("not a pull request", func(t *testing.T) {
		env := []string{"GITHUB_TOKEN=tok", "GITHUB_REPOSITORY=owner/repo", "GITHUB_API_URL=" + srv.URL + "/api", "PR_NUMBER=", "GITHUB_EVENT_NAME=push"}
		out, err := script(t, env, "pr-comment", body)
		if want := "pr-comment: not a pull request (event push): no comment posted\n"; err != nil || out != want {
			t.Errorf("pr-comment printed %q (%v), want %q", out, err, want)
		}
		if len(f.calls) != 4 {
			t.Errorf("requests made outside a pull request: %q", f.calls[4:])
		}
	})
}
