//! `claimcheck server` driven over stdio with JSON-RPC, as an editor does:
//! initialize, open a draft in a folder with a config, rules and coverage,
//! read the diagnostics, hover, apply code actions, change the text, save
//! a broken and a mended rule file, shut down and exit.

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::Duration;

const CONFIG: &str = "rules: [rules.yaml]\nagainst: [coverage]\n";

const RULES: &str = "\
entities:
  - name: Ines Varro
    kind: person
    aliases: [Varro]
    roles:
      - title: Harbour Master
        org: Quellport
        from: 2020-01-01
facts:
  - id: ferry-stranded
    about: travellers stranded by the ferry strike
    noun: traveller
    context: [stranded]
    values:
      - value: 212
        from: 2026-04-01
        source: harbour statement
";

const COVERAGE: &str = "---\npublished: 2026-04-02\n---\n\nThe ferry strike left 212 travellers stranded at Quellport harbour, Harbour Master Ines Varro said.\n";

const DRAFT: &str = "---\npublished: 2026-04-03\n---\n\nThe ferry strike left 250 travellers stranded at Quellport harbour.\n\nVarro said the crews would meet again.\n";

/// A folder with a config, a rule file, one coverage article and a draft.
fn project() -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    let root = d.path();
    std::fs::create_dir(root.join("coverage")).unwrap();
    std::fs::write(root.join("claimcheck.yaml"), CONFIG).unwrap();
    std::fs::write(root.join("rules.yaml"), RULES).unwrap();
    std::fs::write(root.join("coverage/2026-04-02-gazette.md"), COVERAGE).unwrap();
    std::fs::write(root.join("draft.md"), DRAFT).unwrap();
    d
}

fn uri(path: &Path) -> String {
    format!("file://{}", path.display())
}

/// The server's side of the pipe, and its messages as they come.
struct Client {
    child: Child,
    stdin: ChildStdin,
    messages: Receiver<Value>,
    next_id: i64,
}

impl Client {
    fn start(cwd: &Path) -> Client {
        Client::start_with(cwd, &[])
    }

    /// The server with global options `args` before `server`.
    fn start_with(cwd: &Path, args: &[&str]) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
            .args(args)
            .arg("server")
            .current_dir(cwd)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, messages) = channel();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            loop {
                let mut len = 0;
                loop {
                    let mut line = String::new();
                    if r.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(v) = line.strip_prefix("Content-Length:") {
                        len = v.trim().parse().unwrap();
                    }
                }
                let mut body = vec![0; len];
                r.read_exact(&mut body).unwrap();
                if tx.send(serde_json::from_slice(&body).unwrap()).is_err() {
                    return;
                }
            }
        });
        let mut c = Client {
            child,
            stdin,
            messages,
            next_id: 0,
        };
        let init = c.request("initialize", json!({ "capabilities": {} }));
        assert_eq!(init["capabilities"]["hoverProvider"], true, "{init}");
        c.notify("initialized", json!({}));
        c
    }

    fn send(&mut self, msg: Value) {
        let body = msg.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        let resp = self.wait(|m| m["id"] == id);
        assert!(resp.get("error").is_none(), "{resp}");
        resp["result"].clone()
    }

    /// The next message that `pred` accepts (others are skipped).
    fn wait(&mut self, pred: impl Fn(&Value) -> bool) -> Value {
        loop {
            let m = self
                .messages
                .recv_timeout(Duration::from_secs(60))
                .expect("the server answers");
            if pred(&m) {
                return m;
            }
        }
    }

    /// The next diagnostics published for `uri`.
    fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        let m = self.wait(|m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
        });
        m["params"]["diagnostics"].as_array().unwrap().clone()
    }

    fn open(&mut self, uri: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": {
                "uri": uri, "languageId": "markdown", "version": 1, "text": text
            }}),
        );
    }

    fn change(&mut self, uri: &str, version: i64, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({
                "textDocument": { "uri": uri, "version": version },
                "contentChanges": [{ "text": text }]
            }),
        );
    }

    fn finish(mut self) {
        let r = self.request("shutdown", Value::Null);
        assert!(r.is_null());
        self.notify("exit", Value::Null);
        let status = self.child.wait().unwrap();
        assert!(status.success(), "{status:?}");
    }
}

/// `text` with one LSP text edit applied (ASCII text: columns are bytes).
fn apply(text: &str, edit: &Value) -> String {
    let at = |p: &Value| -> usize {
        let line = p["line"].as_u64().unwrap() as usize;
        let col = p["character"].as_u64().unwrap() as usize;
        let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        start + col
    };
    let (s, e) = (at(&edit["range"]["start"]), at(&edit["range"]["end"]));
    format!(
        "{}{}{}",
        &text[..s],
        edit["newText"].as_str().unwrap(),
        &text[e..]
    )
}

fn codes(diags: &[Value]) -> Vec<&str> {
    diags.iter().map(|d| d["code"].as_str().unwrap()).collect()
}

/// The edit of the code action titled with `title_start`.
fn action_edit(actions: &Value, draft: &str, title_start: &str) -> Value {
    let action = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"].as_str().unwrap().starts_with(title_start))
        .unwrap_or_else(|| panic!("no action '{title_start}' in {actions}"));
    action["edit"]["changes"][draft][0].clone()
}

#[test]
fn server_reports_hovers_fixes_and_clears_a_wrong_figure() {
    let d = project();
    let draft = uri(&d.path().join("draft.md"));
    let mut c = Client::start(d.path());
    c.open(&draft, DRAFT);
    let diags = c.diagnostics(&draft);
    assert_eq!(codes(&diags), ["CC001"], "{diags:?}");
    let diag = &diags[0];
    assert_eq!(diag["severity"], 1);
    assert_eq!(diag["source"], "claimcheck");
    assert_eq!(
        diag["range"]["start"],
        json!({ "line": 4, "character": 22 })
    );
    let related: Vec<(&str, &str)> = diag["relatedInformation"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["location"]["uri"].as_str().unwrap(),
                r["message"].as_str().unwrap(),
            )
        })
        .collect();
    assert!(
        related.iter().any(|(u, m)| u.ends_with("/rules.yaml")
            && m.contains("ferry-stranded")
            && m.contains("212")),
        "{related:?}"
    );
    assert!(
        related
            .iter()
            .any(|(u, m)| u.ends_with("/coverage/2026-04-02-gazette.md")
                && m.starts_with("earlier coverage (2026-04-02)")),
        "{related:?}"
    );

    // Hover: what the check does, and the evidence.
    let hover = c.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": draft }, "position": { "line": 4, "character": 24 } }),
    );
    let md = hover["contents"]["value"].as_str().unwrap();
    assert!(md.contains("count-mismatch"), "{md}");
    assert!(md.contains("## What it does"), "{md}");
    assert!(md.contains("rule `ferry-stranded`"), "{md}");
    let nothing = c.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": draft }, "position": { "line": 6, "character": 2 } }),
    );
    assert!(nothing.is_null(), "{nothing}");

    // Code actions: the rule's figure, and a suppression.
    let actions = c.request(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": draft },
            "range": diag["range"],
            "context": { "diagnostics": [diag] }
        }),
    );
    let fix = action_edit(&actions, &draft, "Replace with `212`");
    let fixed = apply(DRAFT, &fix);
    assert!(fixed.contains("left 212 travellers stranded"), "{fixed}");
    let ignore = action_edit(&actions, &draft, "Ignore CC001");
    let suppressed = apply(DRAFT, &ignore);
    assert!(
        suppressed.contains("<!-- claimcheck: ignore CC001 reason=\"\" -->\nThe ferry strike"),
        "{suppressed}"
    );

    // The suppression silences CC001; its empty reason is reported.
    c.change(&draft, 2, &suppressed);
    assert_eq!(codes(&c.diagnostics(&draft)), ["CC900"]);

    // The fix applied clears the diagnostic.
    c.change(&draft, 3, &fixed);
    assert!(c.diagnostics(&draft).is_empty());

    // A wrong figure typed again comes back; fixed by hand, it goes.
    c.change(&draft, 4, &DRAFT.replace("250", "260"));
    assert_eq!(codes(&c.diagnostics(&draft)), ["CC001"]);
    c.change(&draft, 5, &DRAFT.replace("250", "212"));
    assert!(c.diagnostics(&draft).is_empty());
    c.finish();
}

#[test]
fn broken_rule_file_is_one_diagnostic_and_a_saved_fix_reloads_it() {
    let d = project();
    let rules = d.path().join("rules.yaml");
    std::fs::write(&rules, RULES.replace("value: 212", "value: twelve")).unwrap();
    let draft = uri(&d.path().join("draft.md"));
    let rules_uri = uri(&rules);
    let mut c = Client::start(d.path());
    c.open(&draft, DRAFT);
    let broken = c.diagnostics(&rules_uri);
    assert_eq!(broken.len(), 1, "{broken:?}");
    assert_eq!(broken[0]["severity"], 1);
    // The draft is still checked, against the coverage alone.
    let diags = c.diagnostics(&draft);
    assert!(!codes(&diags).contains(&"CC001"), "{diags:?}");
    assert!(!diags.is_empty(), "the coverage still disagrees: {diags:?}");

    std::fs::write(&rules, RULES).unwrap();
    c.notify(
        "textDocument/didSave",
        json!({ "textDocument": { "uri": rules_uri } }),
    );
    assert!(c.diagnostics(&rules_uri).is_empty());
    assert!(codes(&c.diagnostics(&draft)).contains(&"CC001"));
    c.finish();
}

#[test]
fn docs_url_in_the_config_links_each_diagnostic() {
    let d = project();
    std::fs::write(
        d.path().join("claimcheck.yaml"),
        format!("{CONFIG}docs-url: \"https://wiki.example/checks/{{code}}-{{name}}\"\n"),
    )
    .unwrap();
    let draft = uri(&d.path().join("draft.md"));
    let mut c = Client::start(d.path());
    c.open(&draft, DRAFT);
    let diags = c.diagnostics(&draft);
    assert_eq!(
        diags[0]["codeDescription"]["href"],
        "https://wiki.example/checks/CC001-count-mismatch"
    );
    c.finish();
}

#[test]
fn each_rule_fix_on_the_bundled_draft_clears_its_own_finding() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let d = tempfile::tempdir().unwrap();
    let config = d.path().join("editor.yaml");
    std::fs::write(
        &config,
        format!(
            "rules: [{}]\nagainst: [{}]\n",
            repo.join("rules").display(),
            repo.join("examples/valley-floods").display()
        ),
    )
    .unwrap();
    // The bundled draft lies in its own coverage folder: as edited, it is
    // never compared with its saved self.
    let path = repo.join("examples/valley-floods/2026-03-03-draft.md");
    let text = std::fs::read_to_string(&path).unwrap();
    let draft = uri(&path);
    let mut c = Client::start_with(d.path(), &["--config", config.to_str().unwrap()]);
    c.open(&draft, &text);
    let diags = c.diagnostics(&draft);
    let all = codes(&diags);
    assert_eq!(all, ["CC002", "CC001", "CC005", "CC003"], "{diags:?}");
    for (version, diag) in diags.iter().enumerate() {
        let code = diag["code"].as_str().unwrap();
        let actions = c.request(
            "textDocument/codeAction",
            json!({
                "textDocument": { "uri": draft },
                "range": diag["range"],
                "context": { "diagnostics": [diag] }
            }),
        );
        let fixed = apply(&text, &action_edit(&actions, &draft, "Replace with"));
        c.change(&draft, version as i64 + 2, &fixed);
        let left: Vec<&str> = all.iter().copied().filter(|c| *c != code).collect();
        let after = c.diagnostics(&draft);
        assert_eq!(codes(&after), left, "fixing {code}: {fixed}");
    }
    c.finish();
}
