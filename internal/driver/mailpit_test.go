package driver

import (
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/eventlint/eventlint/internal/testutil"
)

// mailpit v1.33.1 (github.com/axllent/mailpit) tells the browsers of its
// web UI what changed through its own hub: websockets.Broadcast(t, msg)
// sends {"Type": t, "Data": msg} to every connected client. eventlint does
// not know the function; -bus.funcs declares it. The subscribers are the
// web UI's scripts, in another process, so the declaration says
// scope=broker: a program-wide check would report every event as having no
// handler linked into mailpit, which is not a mistake of mailpit's.
const (
	mailpitModule  = "github.com/axllent/mailpit"
	mailpitVersion = "v1.33.1"
	mailpitFuncs   = mailpitModule + "/server/websockets.Broadcast:emit:name=t,payload=msg,scope=broker"
)

// broadcastCall is what the site count of TestMailpit is checked against:
// a call of Broadcast in a non-test file, which is what
//
//	grep -rnE --include='*.go' --exclude='*_test.go' '\bBroadcast\("' .
//
// lists in the module: 14 lines, 13 calls of websockets.Broadcast in the
// packages that import websockets and one in websockets itself
// (BroadCastClientError's Broadcast("error", msg), hub.go:116). The pattern
// leaves out the declaration (func Broadcast(t string, ...), no quote), the
// hub's channel field (MessageHub.Broadcast <- b) and
// storage.BroadcastMailboxStats, which are no calls of Broadcast. Every call
// passes a constant name: there is no wrapper to find and no computed name.
//
// eventlint finds the 13 calls outside websockets: a package that does not
// import the package of a -bus.funcs function is taken to reach no bus, so
// the call in websockets itself is not a site (a miss, not a false
// finding: mailpitOwnCall).
var broadcastCall = regexp.MustCompile(`\bBroadcast\("`)

// mailpitOwnCall is the call of Broadcast in its own package, which
// eventlint does not count as a site (see broadcastCall).
const mailpitOwnCall = "server/websockets/hub.go:116"

// TestMailpit runs eventlint -bus.funcs on mailpit, downloaded from the Go
// module proxy into the module cache once (with its dependencies, by
// go mod download) and copied out of it, since the loader must not write
// into the read-only cache. Skipped with -short, and when the proxy cannot
// provide the module.
//
// Its findings are kept in testdata/mailpit.golden (go test
// ./internal/driver -run TestMailpit -update rewrites it with what is
// reported: review the diff, the file holds only findings judged true).
// Each check that
// reports on mailpit is judged in mailpitJudged: a finding of any other
// check fails the test until it is judged true there, or fixed.
//
// The sites: mailpit's event names are single words ("new", "update",
// "delete", "prune", ...), so every site has exactly one EL1001 finding, at
// its call; the positions of the EL1001 findings are the sites eventlint
// found, and they must be exactly the calls broadcastCall finds but
// mailpitOwnCall: 13.
//
// With scope=broker the program-wide checks (EL3001, EL3002, EL3005) must
// stay silent: mailpit's handlers are the browsers. A finding of theirs in
// package main is false, and not in mailpitJudged.
func TestMailpit(t *testing.T) {
	if testing.Short() {
		t.Skip("downloads mailpit and its dependencies and loads them: skipped under -short")
	}
	dir := mailpitCopy(t)
	code, stdout, stderr := runCommand(t, dir, nil, "-format", "json", "-bus.funcs="+mailpitFuncs, "./...")
	if code != ExitFindings || stderr != "" {
		t.Fatalf("eventlint -bus.funcs=%s ./... in mailpit: exit %d, want 1 (findings)\nstderr:\n%s", mailpitFuncs, code, stderr)
	}
	var findings []struct {
		File         string
		Line, Column int
		Check        string
		Message      string
	}
	if err := json.Unmarshal([]byte(stdout), &findings); err != nil {
		t.Fatalf("eventlint -format json: %v\n%s", err, stdout)
	}

	var lines, sites []string
	for _, f := range findings {
		file := filepath.ToSlash(f.File)
		lines = append(lines, fmt.Sprintf("%s:%d:%d: %s [%s]", file, f.Line, f.Column, f.Message, f.Check))
		if slices.Contains(perProgram, f.Check) {
			t.Errorf("%s:%d: %s [%s]: false: the declaration says scope=broker, which turns the per-program checks off (docs/buses.md, Limits: not applied yet)", file, f.Line, f.Message, f.Check)
		} else if _, ok := mailpitJudged[f.Check]; !ok {
			t.Errorf("%s:%d: %s [%s]: a check not judged on mailpit yet: judge the finding in mailpitJudged, or fix it", file, f.Line, f.Message, f.Check)
		}
		if f.Check == "EL1001" {
			sites = append(sites, fmt.Sprintf("%s:%d", file, f.Line))
		}
	}
	slices.Sort(lines)
	mailpitGolden(t, filepath.Join("testdata", "mailpit.golden"), strings.Join(lines, "\n")+"\n")

	calls := broadcastCalls(t, dir)
	if len(calls) != 14 || !slices.Contains(calls, mailpitOwnCall) {
		t.Fatalf("calls of Broadcast in non-test files of mailpit %s: %d, want 14 with %s:\n%s", mailpitVersion, len(calls), mailpitOwnCall, strings.Join(calls, "\n"))
	}
	want := slices.DeleteFunc(calls, func(c string) bool { return c == mailpitOwnCall })
	slices.Sort(sites)
	if !slices.Equal(sites, want) {
		t.Errorf("sites found (EL1001 positions), %d:\n%s\nwant the %d calls of Broadcast outside its own package:\n%s",
			len(sites), strings.Join(sites, "\n"), len(want), strings.Join(want, "\n"))
	}
}

// perProgram are the checks a scope=broker declaration turns off.
var perProgram = []string{"EL3001", "EL3002", "EL3003", "EL3005"}

// mailpitJudged says, for each check that reports on mailpit, why its
// findings there are true.
var mailpitJudged = map[string]string{
	// Every name mailpit broadcasts is one word ("new", "stats",
	// "truncate"): not <aggregate>.<verb>, the rule EL1001 states. True by
	// that rule; mailpit's web UI switches on these names, so a rename
	// would change its protocol: a user adopting the rule would rename
	// both sides, or suppress these findings with a reason.
	"EL1001": "one-word event names",
}

// broadcastCalls returns file:line of each call broadcastCall finds in the
// non-test Go files under dir, sorted.
func broadcastCalls(t *testing.T, dir string) []string {
	t.Helper()
	var calls []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		for i, l := range strings.Split(string(data), "\n") {
			if broadcastCall.MatchString(l) {
				calls = append(calls, fmt.Sprintf("%s:%d", filepath.ToSlash(rel), i+1))
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(calls)
	return calls
}

// mailpitCopy returns a writable copy of mailpit mailpitVersion, whose
// dependencies are in the module cache. It skips the test when the Go
// module proxy (or cache) cannot provide them.
func mailpitCopy(t *testing.T) string {
	t.Helper()
	out, err := exec.Command("go", "mod", "download", "-json", mailpitModule+"@"+mailpitVersion).Output()
	if err != nil {
		t.Skipf("go mod download %s@%s: %v (no Go module proxy?)", mailpitModule, mailpitVersion, err)
	}
	var mod struct{ Dir, Error string }
	if err := json.Unmarshal(out, &mod); err != nil || mod.Dir == "" {
		t.Fatalf("go mod download -json %s@%s: %v %s\n%s", mailpitModule, mailpitVersion, err, mod.Error, out)
	}
	dir := filepath.Join(t.TempDir(), "mailpit")
	testutil.CopyDir(t, mod.Dir, dir, nil)
	download := exec.Command("go", "mod", "download")
	download.Dir = dir
	if out, err := download.CombinedOutput(); err != nil {
		t.Skipf("go mod download in mailpit: %v (no Go module proxy?)\n%s", err, out)
	}
	return dir
}

// update makes golden tests rewrite their files instead of comparing.
var update = flag.Bool("update", false, "rewrite the golden files instead of comparing with them")

// mailpitGolden compares got with the golden file, or rewrites it under
// -update.
func mailpitGolden(t *testing.T, file, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s", file)
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (go test ./internal/driver -run TestMailpit -update creates it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from what eventlint reports on mailpit now:\ngot:\n%s\nwant:\n%s\n"+
			"If the change is intended, run go test ./internal/driver -run TestMailpit -update and review the diff.", file, got, want)
	}
}
