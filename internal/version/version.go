// Package version says which glosa a binary is: the version, commit and
// date a release build stamps into it, else what the Go toolchain
// recorded while building it.
//
// A release build (.ci/goreleaser.yaml, .ci/release-build) sets the three
// variables with the linker:
//
//	-ldflags "-X github.com/glosa/glosa/internal/version.version=v1.2.3
//	          -X github.com/glosa/glosa/internal/version.commit=<full hash>
//	          -X github.com/glosa/glosa/internal/version.date=<RFC 3339>"
//
// Without them, go install records the module version it fetched, and a
// build in a git work tree the commit, its time and whether the tree had
// uncommitted changes (debug.ReadBuildInfo's vcs.* settings).
package version

import (
	"runtime/debug"
	"strings"
)

// Set by the linker in a release build; see the package comment.
var (
	version string
	commit  string
	date    string
)

// Info is what a binary knows of its build.
type Info struct {
	// Version is a module version (v1.2.3, or a pseudo-version for a
	// build from a work tree), or "dev" when none is known.
	Version string
	// Commit is the full hash of the commit built, "" when unknown.
	Commit string
	// Date is the commit's time in RFC 3339, "" when unknown.
	Date string
	// Modified is set when the work tree built had uncommitted changes.
	Modified bool
}

// Get returns this binary's Info.
func Get() Info {
	bi, _ := debug.ReadBuildInfo()
	return get(version, commit, date, bi)
}

// get is Get with the stamped values and the build information given:
// a stamped value wins over the recorded one.
func get(version, commit, date string, bi *debug.BuildInfo) Info {
	var recorded Info
	if bi != nil {
		if v := bi.Main.Version; v != "" && v != "(devel)" {
			recorded.Version = v
		}
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				recorded.Commit = s.Value
			case "vcs.time":
				recorded.Date = s.Value
			case "vcs.modified":
				recorded.Modified = s.Value == "true"
			}
		}
	}
	info := Info{Version: version, Commit: commit, Date: date}
	if info.Version == "" {
		info.Version = recorded.Version
	}
	if info.Version == "" {
		info.Version = "dev"
	}
	if info.Commit == "" {
		info.Commit, info.Modified = recorded.Commit, recorded.Modified
	}
	if info.Date == "" {
		info.Date = recorded.Date
	}
	return info
}

// String is what glosa --version prints after "glosa version ":
// "v1.2.3 (commit 0123…, 2026-12-01T10:00:00Z)", the parenthesis
// holding what is known, "modified" last for a dirty work tree.
func (i Info) String() string {
	var parts []string
	if i.Commit != "" {
		parts = append(parts, "commit "+i.Commit)
	}
	if i.Date != "" {
		parts = append(parts, i.Date)
	}
	if i.Modified {
		parts = append(parts, "modified")
	}
	if len(parts) == 0 {
		return i.Version
	}
	return i.Version + " (" + strings.Join(parts, ", ") + ")"
}
