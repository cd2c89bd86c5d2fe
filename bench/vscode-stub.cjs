// A stand-in for the `vscode` module, just enough for dist/extension.cjs to load and for
// `activate()` to run until it starts indexing (the view's progress, or a `workspace.findFiles` call). It covers:
// - classes: Uri (file/parse/joinPath), EventEmitter, Disposable, Range, Position, Location,
//   RelativePattern, TreeItem, ThemeIcon, ThemeColor, MarkdownString, CompletionItem, CodeAction,
//   Hover, WorkspaceEdit, Diagnostic (constructors store their arguments);
// - enums: TreeItemCollapsibleState, DiagnosticSeverity, CompletionItemKind, CodeActionKind,
//   StatusBarAlignment, ProgressLocation, ViewColumn;
// - workspace: one workspace folder, fs.stat/readFile (real disk), findFiles (the hook: it records
//   the time and never resolves, so indexing does not run), createFileSystemWatcher, the
//   onDid… events, getConfiguration (defaults), textDocuments (none), asRelativePath;
// - window: createTreeView, createStatusBarItem, createOutputChannel, withProgress, show…Message, activeTextEditor (none);
// - commands (registerCommand, executeCommand), languages (createDiagnosticCollection, register…),
//   env.language ('en'), l10n.t.
// Any other member the extension touches resolves to a do-nothing function and is recorded in
// `unstubbed`, so the harness reports what it did not cover.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

function createVscodeStub({ folder, onFindFiles }) {
  const unstubbed = new Set();

  class Disposable {
    constructor(fn) {
      this._fn = fn;
    }
    static from(...items) {
      return new Disposable(() => items.forEach((d) => d && d.dispose && d.dispose()));
    }
    dispose() {
      if (this._fn) this._fn();
      this._fn = undefined;
    }
  }
  const disposable = () => new Disposable(() => {});

  class EventEmitter {
    constructor() {
      this._listeners = new Set();
      this.event = (listener, thisArg) => {
        const bound = thisArg ? listener.bind(thisArg) : listener;
        this._listeners.add(bound);
        return new Disposable(() => this._listeners.delete(bound));
      };
    }
    fire(value) {
      for (const l of [...this._listeners]) l(value);
    }
    dispose() {
      this._listeners.clear();
    }
  }
  const event = () => disposable();

  class Uri {
    constructor(scheme, p) {
      this.scheme = scheme;
      this.authority = '';
      this.path = p;
      this.query = '';
      this.fragment = '';
    }
    get fsPath() {
      return this.path;
    }
    static file(p) {
      return new Uri('file', path.resolve(p).split(path.sep).join('/'));
    }
    static parse(s) {
      const m = /^([a-z][\w+.-]*):(?:\/\/[^/]*)?(.*)$/i.exec(s);
      return m ? new Uri(m[1], m[2]) : new Uri('file', s);
    }
    static joinPath(base, ...segments) {
      return new Uri(base.scheme, path.posix.join(base.path, ...segments));
    }
    with(change) {
      return new Uri(change.scheme ?? this.scheme, change.path ?? this.path);
    }
    toString() {
      return `${this.scheme}://${this.path}`;
    }
  }

  class Position {
    constructor(line, character) {
      this.line = line;
      this.character = character;
    }
  }
  class Range {
    constructor(a, b, c, d) {
      this.start = typeof a === 'number' ? new Position(a, b) : a;
      this.end = typeof a === 'number' ? new Position(c, d) : b;
    }
  }
  const holder = () =>
    class {
      constructor(...args) {
        this.args = args;
      }
    };

  const workspaceFolder = { uri: Uri.file(folder), name: path.basename(folder), index: 0 };
  const configuration = { get: (_key, fallback) => fallback, has: () => false, inspect: () => undefined, update: async () => {} };

  const api = {
    Uri,
    EventEmitter,
    Disposable,
    Position,
    Range,
    Location: holder(),
    Selection: Range,
    RelativePattern: class {
      constructor(base, pattern) {
        this.base = base;
        this.pattern = pattern;
      }
    },
    TreeItem: class {
      constructor(label, collapsibleState) {
        this.label = label;
        this.collapsibleState = collapsibleState;
      }
    },
    ThemeIcon: holder(),
    ThemeColor: holder(),
    MarkdownString: class {
      constructor(value = '') {
        this.value = value;
      }
      appendMarkdown(s) {
        this.value += s;
        return this;
      }
      appendText(s) {
        this.value += s;
        return this;
      }
    },
    CompletionItem: holder(),
    CodeAction: holder(),
    Hover: holder(),
    WorkspaceEdit: class {
      constructor() {
        this.edits = [];
      }
      replace(...a) {
        this.edits.push(a);
      }
      insert(...a) {
        this.edits.push(a);
      }
      createFile(...a) {
        this.edits.push(a);
      }
    },
    Diagnostic: holder(),
    TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
    DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
    CompletionItemKind: { Property: 9, EnumMember: 19, User: 29, Module: 8, Event: 22, Constant: 20 },
    CodeActionKind: { QuickFix: { value: 'quickfix' } },
    StatusBarAlignment: { Left: 1, Right: 2 },
    ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
    ViewColumn: { Active: -1, Beside: -2, One: 1, Two: 2 },
    workspace: {
      workspaceFolders: [workspaceFolder],
      textDocuments: [],
      fs: {
        stat: async (uri) => {
          const s = fs.statSync(uri.fsPath);
          return { type: s.isDirectory() ? 2 : 1, size: s.size, ctime: s.ctimeMs, mtime: s.mtimeMs };
        },
        readFile: async (uri) => fs.readFileSync(uri.fsPath),
        writeFile: async () => {},
      },
      findFiles: (...args) => {
        onFindFiles(args);
        return new Promise(() => {}); // indexing starts here; the harness stops measuring
      },
      createFileSystemWatcher: () => ({ onDidCreate: event, onDidChange: event, onDidDelete: event, dispose() {} }),
      onDidOpenTextDocument: event,
      onDidChangeTextDocument: event,
      onDidCloseTextDocument: event,
      onDidSaveTextDocument: event,
      onDidChangeConfiguration: event,
      onDidChangeWorkspaceFolders: event,
      getConfiguration: () => configuration,
      asRelativePath: (uri) => path.posix.relative(workspaceFolder.uri.path, typeof uri === 'string' ? uri : uri.path),
      getWorkspaceFolder: () => workspaceFolder,
      openTextDocument: async () => undefined,
      applyEdit: async () => true,
    },
    window: {
      activeTextEditor: undefined,
      visibleTextEditors: [],
      createTreeView: () => ({ badge: undefined, message: undefined, visible: true, reveal: async () => {}, onDidChangeVisibility: event, onDidChangeSelection: event, onDidExpandElement: event, onDidCollapseElement: event, dispose() {} }),
      createStatusBarItem: () => ({ text: '', tooltip: '', show() {}, hide() {}, dispose() {} }),
      createOutputChannel: (name) => ({ name, ...Object.fromEntries(['trace', 'debug', 'info', 'warn', 'error', 'append', 'appendLine', 'show', 'hide', 'clear'].map((m) => [m, (...a) => process.env.KEYPLAN_STUB_LOG && console.error(`[${name}] ${m}:`, ...a)])), dispose() {} }),
      // Indexing runs inside the portfolio view's progress (workspace-index.ts start()): that call is
      // where indexing starts, on every kind of folder; the task is never run, so nothing is read.
      withProgress: (options, task) => {
        if (options?.location?.viewId) {
          onFindFiles([options]);
          return new Promise(() => {});
        }
        return task({ report() {} }, { isCancellationRequested: false, onCancellationRequested: event });
      },
      showInformationMessage: async () => undefined,
      showWarningMessage: async () => undefined,
      showErrorMessage: async () => undefined,
      showQuickPick: async () => undefined,
      showInputBox: async () => undefined,
      showTextDocument: async () => undefined,
      createWebviewPanel: () => {
        throw new Error('bench stub: no webviews');
      },
      onDidChangeActiveTextEditor: event,
      onDidChangeVisibleTextEditors: event,
      registerWebviewPanelSerializer: disposable,
    },
    commands: {
      registerCommand: () => disposable(),
      executeCommand: async () => undefined,
    },
    languages: {
      createDiagnosticCollection: () => ({ set() {}, delete() {}, clear() {}, forEach() {}, get() {}, has: () => false, dispose() {} }),
      registerCompletionItemProvider: disposable,
      registerHoverProvider: disposable,
      registerDefinitionProvider: disposable,
      registerReferenceProvider: disposable,
      registerRenameProvider: disposable,
      registerCodeActionsProvider: disposable,
    },
    env: { language: 'en', appName: 'bench', uiKind: 1 },
    l10n: { t: (message, ...args) => String(typeof message === 'string' ? message : message.message).replace(/\{(\d+)\}/g, (_, i) => String(args[i])), bundle: undefined, uri: undefined },
  };

  // Record (and tolerate) anything not listed above.
  const noop = () => undefined;
  const guard = (target, prefix) =>
    new Proxy(target, {
      get(t, key) {
        if (key in t || typeof key === 'symbol' || key === 'then' || key === '__esModule' || key === 'default') return key === 'default' ? proxy : t[key];
        unstubbed.add(`${prefix}${String(key)}`);
        return noop;
      },
    });
  for (const ns of ['workspace', 'window', 'commands', 'languages', 'env', 'l10n']) api[ns] = guard(api[ns], `${ns}.`);
  const proxy = guard(api, '');
  return { vscode: proxy, unstubbed };
}

module.exports = { createVscodeStub };
