//! `claimcheck server`: a language server over stdio, so that an editor
//! shows claimcheck's findings while the draft is written.
//!
//! Each open document is checked with the `claimcheck.yaml` found upward
//! from it (rules, coverage, select/ignore, window), through the library's
//! [`Engine`]: the rule set and the coverage's claims are loaded once per
//! config and kept; a save or a watched change of the config, a rule file
//! or a coverage file reloads that config's engine. Changes are checked
//! after a short pause in typing. A broken rule or config file becomes one
//! diagnostic on that file; the draft is still checked without it. This
//! module speaks the protocol; the checking is the pipeline's.

mod actions;
mod lsp;
mod project;

use crate::config::discover_config;
use crate::finding::Finding;
use crate::source::{Article, Format};
use anyhow::Result;
use lsp_server::{Connection, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::Notification as _;
use lsp_types::request::Request as _;
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams,
    CodeActionProviderCapability, Diagnostic, DidChangeTextDocumentParams,
    DidChangeWatchedFilesParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams,
    DidSaveTextDocumentParams, Hover, HoverContents, HoverParams, HoverProviderCapability,
    MarkupContent, MarkupKind, Position, PublishDiagnosticsParams, Range, ServerCapabilities,
    ServerInfo, TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
    TextDocumentSyncSaveOptions, Uri, WorkspaceEdit,
};
use project::{file_problem, load_project, Project};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How long typing must pause before a changed document is checked.
const DEBOUNCE: Duration = Duration::from_millis(150);

/// Serve the protocol on stdin and stdout until the client says `exit`.
/// `config` is a config file to use for every document instead of the one
/// found upward from it.
pub fn run_stdio(config: Option<&Path>) -> Result<()> {
    let (connection, io_threads) = Connection::stdio();
    let capabilities = ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::FULL),
                save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                ..TextDocumentSyncOptions::default()
            },
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
        ..ServerCapabilities::default()
    };
    let init = serde_json::json!({
        "capabilities": capabilities,
        "serverInfo": ServerInfo {
            name: "claimcheck".to_owned(),
            version: Some(env!("CARGO_PKG_VERSION").to_owned()),
        },
    });
    let (id, params) = connection.initialize_start()?;
    connection.initialize_finish(id, init)?;
    let watch = params
        .pointer("/capabilities/workspace/didChangeWatchedFiles/dynamicRegistration")
        .and_then(serde_json::Value::as_bool)
        .unwrap_or(false);
    if watch {
        // Rule files, coverage and configs changed outside the editor.
        let register = Request::new(
            RequestId::from("claimcheck/watch".to_owned()),
            lsp_types::request::RegisterCapability::METHOD.to_owned(),
            serde_json::json!({ "registrations": [{
                "id": "claimcheck-watch",
                "method": lsp_types::notification::DidChangeWatchedFiles::METHOD,
                "registerOptions": { "watchers": [
                    { "globPattern": "**/*.{yaml,yml,md,markdown,txt,html,htm}" }
                ]}
            }]}),
        );
        connection.sender.send(Message::Request(register))?;
    }
    let cwd = std::env::current_dir()?;
    let mut server = Server {
        connection: &connection,
        config: config.map(|c| cwd.join(c)),
        docs: HashMap::new(),
        projects: HashMap::new(),
        broken: HashMap::new(),
    };
    server.serve()?;
    drop(connection);
    io_threads.join()?;
    Ok(())
}

/// One open document.
struct Doc {
    path: PathBuf,
    text: String,
    format: Format,
    /// The findings last published, for hover and code actions.
    findings: Vec<Finding>,
    /// Changed since last checked, and when.
    dirty: Option<Instant>,
}

struct Server<'c> {
    connection: &'c Connection,
    /// `--config`, absolute.
    config: Option<PathBuf>,
    docs: HashMap<Uri, Doc>,
    /// By config file (or, without one, the document's folder).
    projects: HashMap<PathBuf, Project>,
    /// Files with a diagnostic about themselves, published.
    broken: HashMap<PathBuf, usize>,
}

impl Server<'_> {
    fn serve(&mut self) -> Result<()> {
        loop {
            let wait = self
                .docs
                .values()
                .filter_map(|d| d.dirty)
                .min()
                .map(|t| (t + DEBOUNCE).saturating_duration_since(Instant::now()));
            let msg = match wait {
                Some(w) => match self.connection.receiver.recv_timeout(w) {
                    Ok(m) => m,
                    Err(crossbeam_timeout) if crossbeam_timeout.is_timeout() => {
                        self.check_dirty(false);
                        continue;
                    }
                    Err(_) => return Ok(()),
                },
                None => match self.connection.receiver.recv() {
                    Ok(m) => m,
                    Err(_) => return Ok(()),
                },
            };
            match msg {
                Message::Request(req) => {
                    if self.connection.handle_shutdown(&req)? {
                        return Ok(());
                    }
                    // Answer on the text as it is now.
                    self.check_dirty(true);
                    self.request(req)?;
                }
                Message::Notification(n) => self.notification(n),
                Message::Response(_) => {}
            }
        }
    }

    fn request(&mut self, req: Request) -> Result<()> {
        let result = match req.method.as_str() {
            lsp_types::request::HoverRequest::METHOD => {
                let p: HoverParams = serde_json::from_value(req.params)?;
                serde_json::to_value(self.hover(&p))?
            }
            lsp_types::request::CodeActionRequest::METHOD => {
                let p: CodeActionParams = serde_json::from_value(req.params)?;
                serde_json::to_value(self.code_actions(&p))?
            }
            _ => {
                let resp = Response::new_err(
                    req.id,
                    lsp_server::ErrorCode::MethodNotFound as i32,
                    format!("unsupported request {}", req.method),
                );
                self.connection.sender.send(Message::Response(resp))?;
                return Ok(());
            }
        };
        self.respond(req.id, result)
    }

    fn respond(&self, id: RequestId, result: serde_json::Value) -> Result<()> {
        self.connection
            .sender
            .send(Message::Response(Response::new_ok(id, result)))?;
        Ok(())
    }

    fn notification(&mut self, n: Notification) {
        use lsp_types::notification::{
            DidChangeTextDocument, DidChangeWatchedFiles, DidCloseTextDocument,
            DidOpenTextDocument, DidSaveTextDocument,
        };
        match n.method.as_str() {
            DidOpenTextDocument::METHOD => {
                if let Ok(p) = serde_json::from_value::<DidOpenTextDocumentParams>(n.params) {
                    let Some(path) = lsp::uri_path(&p.text_document.uri) else {
                        return;
                    };
                    let format = Format::from_path(&path);
                    self.docs.insert(
                        p.text_document.uri.clone(),
                        Doc {
                            path,
                            text: p.text_document.text,
                            format,
                            findings: Vec::new(),
                            dirty: None,
                        },
                    );
                    self.check_doc(&p.text_document.uri);
                }
            }
            DidChangeTextDocument::METHOD => {
                if let Ok(p) = serde_json::from_value::<DidChangeTextDocumentParams>(n.params) {
                    if let Some(doc) = self.docs.get_mut(&p.text_document.uri) {
                        // Full sync: the last change is the whole text.
                        if let Some(c) = p.content_changes.into_iter().last() {
                            doc.text = c.text;
                            doc.dirty = Some(Instant::now());
                        }
                    }
                }
            }
            DidSaveTextDocument::METHOD => {
                if let Ok(p) = serde_json::from_value::<DidSaveTextDocumentParams>(n.params) {
                    if let Some(path) = lsp::uri_path(&p.text_document.uri) {
                        self.file_changed(&path);
                    }
                }
            }
            DidChangeWatchedFiles::METHOD => {
                if let Ok(p) = serde_json::from_value::<DidChangeWatchedFilesParams>(n.params) {
                    let paths: Vec<PathBuf> = p
                        .changes
                        .iter()
                        .filter_map(|c| lsp::uri_path(&c.uri))
                        .collect();
                    for path in paths {
                        self.file_changed(&path);
                    }
                }
            }
            DidCloseTextDocument::METHOD => {
                if let Ok(p) = serde_json::from_value::<DidCloseTextDocumentParams>(n.params) {
                    self.docs.remove(&p.text_document.uri);
                    self.publish(p.text_document.uri, Vec::new());
                }
            }
            _ => {}
        }
    }

    /// Check the documents changed since last checked: all of them when
    /// `now`, else those whose pause in typing is over.
    fn check_dirty(&mut self, now: bool) {
        let due: Vec<Uri> = self
            .docs
            .iter()
            .filter(|(_, d)| d.dirty.is_some_and(|t| now || t.elapsed() >= DEBOUNCE))
            .map(|(u, _)| u.clone())
            .collect();
        for uri in due {
            self.check_doc(&uri);
        }
    }

    /// A file was saved or changed on disk: reload the projects that read
    /// it, and check their open documents again.
    fn file_changed(&mut self, path: &Path) {
        let affected: Vec<PathBuf> = self
            .projects
            .iter()
            .filter(|(_, p)| p.watched.iter().any(|w| path.starts_with(w)))
            .map(|(k, _)| k.clone())
            .collect();
        let is_config = path
            .file_name()
            .is_some_and(|n| crate::config::CONFIG_NAMES.iter().any(|c| n == *c));
        if affected.is_empty() && !is_config {
            return;
        }
        for k in &affected {
            self.projects.remove(k);
        }
        if is_config {
            // A new config file may take over documents from another.
            self.projects.clear();
        }
        let uris: Vec<Uri> = self.docs.keys().cloned().collect();
        for uri in uris {
            self.check_doc(&uri);
        }
    }

    /// The project key of a document: its config file, else its folder.
    fn project_key(&self, path: &Path) -> PathBuf {
        let dir = path.parent().unwrap_or(Path::new("/"));
        self.config
            .clone()
            .or_else(|| discover_config(dir))
            .unwrap_or_else(|| dir.to_owned())
    }

    fn check_doc(&mut self, uri: &Uri) {
        let Some(path) = self.docs.get(uri).map(|d| d.path.clone()) else {
            return;
        };
        let key = self.project_key(&path);
        if !self.projects.contains_key(&key) {
            let project = load_project(&key, self.config.is_some());
            self.projects.insert(key.clone(), project);
            self.publish_broken();
        }
        let project = &self.projects[&key];
        let doc = self.docs.get_mut(uri).expect("checked above");
        doc.dirty = None;
        let engine = &project.engine;
        // A config's include/exclude choose the articles it checks.
        if engine.config().is_some_and(|c| !c.is_included(&doc.path)) {
            doc.findings.clear();
            self.publish(uri.clone(), Vec::new());
            return;
        }
        let published = engine.config().and_then(|c| c.published.value);
        // LSP counts a lone CR as a line break, as files read from disk do.
        let text = crate::source::read::normalize_lone_cr(doc.text.clone());
        let mut article = Article::from_source(&doc.path, text, published);
        if let Ok(id) = std::fs::canonicalize(&doc.path) {
            article.id = id;
        }
        // A bug met on some text must not take the editor's server down.
        let checked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let claims = engine.extract(&article);
            engine.check(&article, &claims)
        }));
        let base = key.parent().unwrap_or(Path::new("/")).to_owned();
        let diagnostics: Vec<Diagnostic> = match checked {
            Ok(findings) => {
                doc.findings = findings;
                let docs = |f: &Finding| engine.config()?.docs_url_for(f.code, f.name);
                doc.findings
                    .iter()
                    .map(|f| lsp::diagnostic(f, &doc.text, &base, docs(f).as_deref()))
                    .collect()
            }
            Err(_) => {
                doc.findings.clear();
                vec![file_problem(
                    1,
                    1,
                    "claimcheck failed on this text (a bug: please report it with the text)"
                        .to_owned(),
                )]
            }
        };
        self.publish(uri.clone(), diagnostics);
    }

    /// Publish the diagnostics about broken config and rule files, and
    /// clear those about files that are fine again.
    fn publish_broken(&mut self) {
        let mut now: HashMap<PathBuf, Vec<Diagnostic>> = HashMap::new();
        for p in self.projects.values() {
            for (path, d) in &p.broken {
                now.entry(path.clone()).or_default().push(d.clone());
            }
        }
        let before = std::mem::take(&mut self.broken);
        for path in before.keys().filter(|p| !now.contains_key(*p)) {
            self.publish(lsp::path_uri(path), Vec::new());
        }
        for (path, mut ds) in now {
            ds.dedup();
            self.broken.insert(path.clone(), ds.len());
            self.publish(lsp::path_uri(&path), ds);
        }
    }

    fn publish(&self, uri: Uri, diagnostics: Vec<Diagnostic>) {
        let params = PublishDiagnosticsParams::new(uri, diagnostics, None);
        let n = Notification::new(
            lsp_types::notification::PublishDiagnostics::METHOD.to_owned(),
            params,
        );
        let _ = self.connection.sender.send(Message::Notification(n));
    }

    /// The findings of the document at `pos`, with the document.
    fn findings_at(&self, uri: &Uri, range: Range) -> Option<(&Doc, Vec<&Finding>)> {
        let doc = self.docs.get(uri)?;
        let found = doc
            .findings
            .iter()
            .filter(|f| {
                let r = lsp::range(&doc.text, f.span.start as usize, f.span.end as usize);
                lsp::overlaps(&r, &range)
            })
            .collect();
        Some((doc, found))
    }

    fn hover(&self, p: &HoverParams) -> Option<Hover> {
        let pos: Position = p.text_document_position_params.position;
        let uri = &p.text_document_position_params.text_document.uri;
        let (_, found) = self.findings_at(uri, Range::new(pos, pos))?;
        if found.is_empty() {
            return None;
        }
        let value = found
            .iter()
            .map(|f| actions::hover_markdown(f))
            .collect::<Vec<_>>()
            .join("\n---\n\n");
        Some(Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value,
            }),
            range: None,
        })
    }

    fn code_actions(&self, p: &CodeActionParams) -> Vec<CodeActionOrCommand> {
        let uri = &p.text_document.uri;
        let Some((doc, found)) = self.findings_at(uri, p.range) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for f in found {
            let diagnostic = lsp::diagnostic(f, &doc.text, Path::new("/"), None);
            if let Some(edit) = actions::fix_edit(f, &doc.text) {
                out.push(action(
                    format!("Replace with `{}` ({})", edit.text, f.code),
                    CodeActionKind::QUICKFIX,
                    uri,
                    edit.to_lsp(&doc.text),
                    &diagnostic,
                    true,
                ));
            }
            if f.kind != "suppression" {
                let edit = actions::suppression_edit(f, &doc.text, doc.format);
                out.push(action(
                    format!("Ignore {} ({}) on this paragraph", f.code, f.name),
                    CodeActionKind::QUICKFIX,
                    uri,
                    edit.to_lsp(&doc.text),
                    &diagnostic,
                    false,
                ));
            }
        }
        out
    }
}

fn action(
    title: String,
    kind: CodeActionKind,
    uri: &Uri,
    edit: lsp_types::TextEdit,
    diagnostic: &Diagnostic,
    preferred: bool,
) -> CodeActionOrCommand {
    #[allow(clippy::mutable_key_type)]
    let changes = HashMap::from([(uri.clone(), vec![edit])]);
    CodeActionOrCommand::CodeAction(CodeAction {
        title,
        kind: Some(kind),
        diagnostics: Some(vec![diagnostic.clone()]),
        edit: Some(WorkspaceEdit {
            changes: Some(changes),
            ..WorkspaceEdit::default()
        }),
        is_preferred: Some(preferred),
        ..CodeAction::default()
    })
}
