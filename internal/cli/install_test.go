package cli_test

import (
	"crypto/sha256"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
)

// fakeRelease serves a release of glosa v1.2.3 on loopback, as GitHub
// serves a tag's assets, with a binary for this machine that prints its
// arguments; checksum is what the checksums file says of it. It returns the
// base URL and the count of requests served.
func fakeRelease(t *testing.T, checksum func(body []byte) string) (string, *atomic.Int32) {
	t.Helper()
	for _, tool := range []string{"bash", "curl", "sha256sum"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("no %s: %v", tool, err)
		}
	}
	bin := []byte("#!/bin/sh\necho \"fake glosa $*\"\n")
	name := fmt.Sprintf("glosa_1.2.3_%s_%s", runtime.GOOS, runtime.GOARCH)
	sums := fmt.Sprintf("%s  glosa_1.2.3_other_arch\n%s  %s\n", strings.Repeat("0", 64), checksum(bin), name)
	files := map[string][]byte{
		"/v1.2.3/" + name:                   bin,
		"/v1.2.3/glosa_1.2.3_checksums.txt": []byte(sums),
	}
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		body, ok := files[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Write(body)
	}))
	t.Cleanup(srv.Close)
	return srv.URL, &n
}

func sha256Hex(b []byte) string { return fmt.Sprintf("%x", sha256.Sum256(b)) }

// script runs a script of .ci with the environment given.
func script(t *testing.T, env []string, name string, args ...string) (string, error) {
	t.Helper()
	cmd := exec.Command("bash", append([]string{filepath.Join("..", "..", ".ci", name)}, args...)...)
	// The fake release is on loopback: no proxy stands between.
	cmd.Env = append(append(os.Environ(), "no_proxy=127.0.0.1", "NO_PROXY=127.0.0.1"), env...)
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// TestInstallGlosa: .ci/install-glosa, which the Action and the pre-commit
// hook glosa-check-release run, installs the release binary for this
// machine when the checksums file vouches for it, and nothing otherwise.
func TestInstallGlosa(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the fake binary is a shell script")
	}
	t.Run("installed", func(t *testing.T) {
		url, _ := fakeRelease(t, sha256Hex)
		dir := filepath.Join(t.TempDir(), "bin")
		out, err := script(t, []string{"GLOSA_RELEASE_URL=" + url}, "install-glosa", "v1.2.3", dir)
		if err != nil {
			t.Fatalf("install-glosa: %v\n%s", err, out)
		}
		if want := filepath.Join(dir, "glosa") + "\n"; out != want {
			t.Errorf("install-glosa printed %q, want %q", out, want)
		}
		got, err := exec.Command(filepath.Join(dir, "glosa"), "--version").Output()
		if err != nil || string(got) != "fake glosa --version\n" {
			t.Errorf("the installed binary printed %q (%v)", got, err)
		}
		left, _ := filepath.Glob(filepath.Join(dir, ".install.*"))
		if len(left) > 0 {
			t.Errorf("install-glosa left %v", left)
		}
	})
	t.Run("bad checksum", func(t *testing.T) {
		url, _ := fakeRelease(t, func([]byte) string { return strings.Repeat("ab", 32) })
		dir := filepath.Join(t.TempDir(), "bin")
		out, err := script(t, []string{"GLOSA_RELEASE_URL=" + url}, "install-glosa", "v1.2.3", dir)
		if err == nil || !strings.Contains(out, "checksum") {
			t.Errorf("install-glosa: %v, %q; want a failure naming the checksum", err, out)
		}
		if _, err := os.Stat(filepath.Join(dir, "glosa")); err == nil {
			t.Error("a binary whose checksum differs was installed")
		}
	})
	t.Run("no such release", func(t *testing.T) {
		url, _ := fakeRelease(t, sha256Hex)
		dir := filepath.Join(t.TempDir(), "bin")
		if out, err := script(t, []string{"GLOSA_RELEASE_URL=" + url}, "install-glosa", "v9.9.9", dir); err == nil {
			t.Errorf("install-glosa v9.9.9 succeeded: %q", out)
		}
	})
	t.Run("not a version", func(t *testing.T) {
		out, err := script(t, nil, "install-glosa", "latest", t.TempDir())
		if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 2 || !strings.Contains(out, "usage") {
			t.Errorf("install-glosa latest: %v, %q; want exit 2 and the usage", err, out)
		}
	})
}

// TestPreCommitRelease: the hook glosa-check-release downloads the version
// its args start with once, into the user's cache, and runs glosa check
// with the rest of its args.
func TestPreCommitRelease(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the fake binary is a shell script")
	}
	url, requests := fakeRelease(t, sha256Hex)
	env := []string{"GLOSA_RELEASE_URL=" + url, "XDG_CACHE_HOME=" + t.TempDir()}
	for run := range 2 {
		out, err := script(t, env, "pre-commit-release", "v1.2.3", "--fail-on", "error,missing")
		if err != nil || out != "fake glosa check --fail-on error,missing\n" {
			t.Errorf("run %d: %v, %q; want glosa check run with the args after the version", run+1, err, out)
		}
	}
	if n := requests.Load(); n != 2 {
		t.Errorf("%d requests, want 2: the binary and its checksums, once", n)
	}
	out, err := script(t, env, "pre-commit-release", "--fail-on", "error")
	if err == nil || !strings.Contains(out, "version first") {
		t.Errorf("without a version: %v, %q; want a failure asking for it", err, out)
	}
}
