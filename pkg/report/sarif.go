package report

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/roadmapcli/roadmap/pkg/lint"
)

// SARIF 2.1.0, the subset GitHub code scanning reads: rules with help,
// results pointing at them by ruleIndex, regions in code points.
const (
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifVersion = "2.1.0"
	// InformationURI is the project's home page.
	InformationURI = "https://github.com/roadmapcli/roadmap"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool               `json:"tool"`
	Invocations        []sarifInvocation       `json:"invocations"`
	OriginalURIBaseIDs map[string]sarifBaseURI `json:"originalUriBaseIds"`
	Results            []sarifResult           `json:"results"`
	ColumnKind         string                  `json:"columnKind"`
}

// sarifBaseURI says where a uriBaseId points: the directory lint ran in.
type sarifBaseURI struct {
	URI         string        `json:"uri,omitempty"`
	Description *sarifMessage `json:"description,omitempty"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string         `json:"id"`
	Name                 string         `json:"name"`
	ShortDescription     sarifMessage   `json:"shortDescription"`
	FullDescription      sarifMessage   `json:"fullDescription"`
	HelpURI              string         `json:"helpUri"`
	Help                 *sarifHelp     `json:"help,omitempty"`
	DefaultConfiguration sarifRuleLevel `json:"defaultConfiguration"`
}

type sarifHelp struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifRuleLevel struct {
	Level string `json:"level"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level   string       `json:"level"`
	Message sarifMessage `json:"message"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifMessage      `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           sarifRegion   `json:"region"`
}

type sarifArtifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine"`
	EndColumn   int `json:"endColumn"`
}

// SARIFOptions describe the run for the SARIF log.
type SARIFOptions struct {
	Version string
	Rules   []*lint.Rule
	// RuleHelp returns a rule's documentation page (Markdown), or "".
	RuleHelp func(id string) string
	// Errors are the run's failures, reported as tool notifications.
	Errors []error
	// Root is the absolute directory relative paths are relative to (the
	// directory lint ran in), given as %SRCROOT% so a consumer that
	// uploads by API can resolve them; "" leaves the base unnamed.
	Root string
}

// srcRoot is the uriBaseId of every relative artifact location.
const srcRoot = "%SRCROOT%"

// fingerprintKey is the partial fingerprint GitHub code scanning matches
// alerts by across runs. It is computed here from the finding's line, so
// an upload through the API (which computes none) does not duplicate
// alerts, and a finding keeps its alert when lines move above it.
const fingerprintKey = "primaryLocationLineHash"

func sarifLevel(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "error"
	case lint.Warning:
		return "warning"
	case lint.Info:
		return "note"
	}
	return "none"
}

// WriteFindingsSARIF writes a SARIF 2.1.0 log of one run.
func WriteFindingsSARIF(w io.Writer, fs []lint.Finding, opts SARIFOptions) error {
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name: "roadmap", Version: opts.Version, InformationURI: InformationURI,
			Rules: make([]sarifRule, 0, len(opts.Rules)),
		}},
		Results:    []sarifResult{}, // streamed below
		ColumnKind: "unicodeCodePoints",
	}
	index := map[string]int{}
	for i, r := range opts.Rules {
		index[r.ID] = i
		rule := sarifRule{
			ID: r.ID, Name: r.Name,
			ShortDescription:     sarifMessage{Text: r.Summary},
			FullDescription:      sarifMessage{Text: r.Summary},
			HelpURI:              r.DocURL(),
			DefaultConfiguration: sarifRuleLevel{Level: sarifLevel(r.Severity)},
		}
		if opts.RuleHelp != nil {
			if md := opts.RuleHelp(r.ID); md != "" {
				rule.Help = &sarifHelp{Text: r.Summary + " See " + r.DocURL(), Markdown: AbsoluteLinks(md, r.DocURL())}
			}
		}
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, rule)
	}
	base := sarifBaseURI{Description: &sarifMessage{Text: "The directory roadmap lint ran in; relative paths are relative to it."}}
	if opts.Root != "" {
		base.URI = directoryURI(opts.Root)
	}
	run.OriginalURIBaseIDs = map[string]sarifBaseURI{srcRoot: base}
	seen := map[string]int{}
	result := func(i int) any {
		f := fs[i]
		msg := f.Message
		if f.Hint != "" {
			msg += " (" + f.Hint + ")"
		}
		art := sarifArtifact{URI: artifactURI(f.File)}
		if !filepath.IsAbs(f.File) {
			art.URIBaseID = srcRoot
		}
		hash := lineHash(f.Context)
		key := f.File + "\x00" + f.Rule + "\x00" + hash
		seen[key]++
		return sarifResult{
			RuleID: f.Rule, RuleIndex: index[f.Rule], Level: sarifLevel(f.Severity),
			Message: sarifMessage{Text: msg},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{
				ArtifactLocation: art,
				Region:           sarifRegion{StartLine: f.Line, StartColumn: f.Column, EndLine: f.EndLine, EndColumn: f.EndColumn},
			}}},
			PartialFingerprints: map[string]string{fingerprintKey: fmt.Sprintf("%s:%d", hash, seen[key])},
		}
	}
	inv := sarifInvocation{ExecutionSuccessful: len(opts.Errors) == 0}
	for _, err := range opts.Errors {
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications,
			sarifNotification{Level: "error", Message: sarifMessage{Text: err.Error()}})
	}
	run.Invocations = []sarifInvocation{inv}
	// The results are written one at a time (see writeJSONStreaming).
	return writeJSONStreaming(w, sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}}, "results", len(fs), result)
}

// artifactURI turns a file path into a URI reference: relative paths stay
// relative (code scanning resolves them against the repository root),
// absolute ones become file URIs.
func artifactURI(path string) string {
	slash := filepath.ToSlash(filepath.Clean(path))
	if filepath.IsAbs(path) {
		if !strings.HasPrefix(slash, "/") {
			slash = "/" + slash // a Windows drive path
		}
		return (&url.URL{Scheme: "file", Path: slash}).String()
	}
	return (&url.URL{Path: slash}).String()
}

// lineHash identifies a finding's line by its words, whatever its
// indentation or spacing: the first 16 hex digits of a SHA-256. The
// occurrence count after it (":2") tells identical lines apart.
func lineHash(line string) string {
	sum := sha256.Sum256([]byte(strings.Join(strings.Fields(line), " ")))
	return hex.EncodeToString(sum[:8])
}

// directoryURI is the file URI of an absolute directory, ending in "/"
// as SARIF requires of a base URI.
func directoryURI(dir string) string {
	u := artifactURI(dir)
	if !strings.HasSuffix(u, "/") {
		u += "/"
	}
	return u
}

// markdownLink is a Markdown inline link or image target: ](target).
var markdownLink = regexp.MustCompile(`\]\(([^()\s]+)\)`)

// AbsoluteLinks rewrites the relative link targets of a Markdown page
// published at pageURL into absolute URLs, so the page still links
// where it is shown away from the repository (a code scanning alert).
func AbsoluteLinks(md, pageURL string) string {
	base, err := url.Parse(pageURL)
	if err != nil || !base.IsAbs() {
		return md
	}
	return markdownLink.ReplaceAllStringFunc(md, func(m string) string {
		target := m[2 : len(m)-1]
		ref, err := url.Parse(target)
		if err != nil || ref.IsAbs() || strings.HasPrefix(target, "mailto:") {
			return m
		}
		return "](" + base.ResolveReference(ref).String() + ")"
	})
}
