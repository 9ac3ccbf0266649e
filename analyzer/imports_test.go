package analyzer

import (
	"go/format"
	"go/parser"
	"go/token"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"
)

func TestAddImportEdit(t *testing.T) {
	for _, tc := range []struct {
		name, src, path, as, want string
	}{
		{
			name: "no imports",
			src:  "package main\n\nfunc main() {}\n",
			path: "example.com/app/notify", as: "_",
			want: "package main\n\nimport _ \"example.com/app/notify\"\n\nfunc main() {}\n",
		},
		{
			name: "one unparenthesised import sorts before it",
			src:  "package main\n\nimport \"os\"\n\nfunc main() { _ = os.Args }\n",
			path: "context", as: "",
			want: "package main\n\nimport (\n\t\"context\"\n\t\"os\"\n)\n\nfunc main() { _ = os.Args }\n",
		},
		{
			name: "into the group with the longest shared prefix, in order, after its doc comment",
			src: "package main\n\nimport (\n\t\"context\"\n\n\t\"example.com/app/services\"\n\n" +
				"\t// Handlers.\n\t_ \"example.com/app/notify\"\n)\n",
			path: "example.com/app/accounting", as: "_",
			want: "package main\n\nimport (\n\t\"context\"\n\n\t\"example.com/app/services\"\n\n" +
				"\t// Handlers.\n\t_ \"example.com/app/accounting\"\n\t_ \"example.com/app/notify\"\n)\n",
		},
		{
			name: "at the end of a group that is followed by another",
			src:  "package main\n\nimport (\n\t\"context\"\n\t\"os\"\n\n\t\"example.com/x\"\n)\n",
			path: "strings", as: "",
			want: "package main\n\nimport (\n\t\"context\"\n\t\"os\"\n\t\"strings\"\n\n\t\"example.com/x\"\n)\n",
		},
		{
			name: "already imported",
			src:  "package main\n\nimport _ \"example.com/app/notify\"\n",
			path: "example.com/app/notify", as: "_",
			want: "package main\n\nimport _ \"example.com/app/notify\"\n",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, "main.go", tc.src, parser.ParseComments)
			if err != nil {
				t.Fatal(err)
			}
			out := []byte(tc.src)
			edits := addImportEdit(fset, f, tc.path, tc.as)
			slices.SortFunc(edits, func(a, b analysis.TextEdit) int { return int(b.Pos - a.Pos) })
			for _, e := range edits {
				start, end := fset.Position(e.Pos).Offset, fset.Position(e.End).Offset
				out = append(out[:start:start], append(e.NewText, out[end:]...)...)
			}
			if string(out) != tc.want {
				t.Errorf("got:\n%s\nwant:\n%s", out, tc.want)
			}
			if formatted, err := format.Source(out); err != nil || string(formatted) != string(out) {
				t.Errorf("result is not gofmt-clean (err %v):\n%s", err, out)
			}
		})
	}
}
