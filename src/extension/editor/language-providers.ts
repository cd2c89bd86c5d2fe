/** Completion, hover, definition, references, rename and quick fixes: adapters over src/core/language. */
import * as vscode from 'vscode';
import type { Diagnostic as CoreDiagnostic } from '../../core/diagnostic.js';
import { completionsAt, type CompletionKind } from '../../core/language/completion.js';
import { hoverAt } from '../../core/language/hover.js';
import { languageModel, type LanguageModel } from '../../core/language/model.js';
import { quickFixes } from '../../core/language/quick-fixes.js';
import { definitionOf, referencesTo, renameEdits, symbolAt } from '../../core/language/references.js';
import { toRange, toWorkspaceEdit } from './convert.js';
import type { WorkspaceIndex } from '../workspace-index.js';

const SELECTOR: vscode.DocumentSelector = [{ language: 'markdown', scheme: 'file' }, { language: 'markdown', scheme: 'vscode-remote' }];

const ITEM_KIND: Record<CompletionKind, vscode.CompletionItemKind> = {
  field: vscode.CompletionItemKind.Property,
  value: vscode.CompletionItemKind.EnumMember,
  person: vscode.CompletionItemKind.User,
  account: vscode.CompletionItemKind.Module,
  channel: vscode.CompletionItemKind.Event,
  date: vscode.CompletionItemKind.Constant,
};

/** Plan text in hovers is escaped by the core; the Markdown is also untrusted (no command links). */
function untrusted(markdown: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(markdown);
  md.isTrusted = false;
  md.supportHtml = false;
  return md;
}

export function registerLanguageProviders(index: WorkspaceIndex): vscode.Disposable[] {
  const model = async (): Promise<LanguageModel | undefined> => {
    const result = await index.whenIdle();
    return result ? languageModel(result, index.locale) : undefined;
  };
  const offsetRange = (doc: vscode.TextDocument, start: number, end: number) => new vscode.Range(doc.positionAt(start), doc.positionAt(end));

  return [
    vscode.languages.registerCompletionItemProvider(SELECTOR, {
      async provideCompletionItems(doc, position) {
        const m = await model();
        if (!m) return [];
        return completionsAt(doc.getText(), doc.offsetAt(position), m).map((c) => {
          const item = new vscode.CompletionItem({ label: c.label, description: c.detail }, ITEM_KIND[c.kind]);
          item.insertText = c.insertText;
          item.range = offsetRange(doc, c.start, c.end);
          if (c.documentation) item.documentation = c.documentation;
          if (c.sortText) item.sortText = c.sortText;
          if (c.filterText) item.filterText = c.filterText;
          return item;
        });
      },
    }, '@', ':', ' '),

    vscode.languages.registerHoverProvider(SELECTOR, {
      async provideHover(doc, position) {
        const m = await model();
        const h = m && hoverAt(doc.getText(), doc.offsetAt(position), m);
        return h ? new vscode.Hover(untrusted(h.markdown), offsetRange(doc, h.start, h.end)) : undefined;
      },
    }),

    vscode.languages.registerDefinitionProvider(SELECTOR, {
      async provideDefinition(doc, position) {
        const m = await model();
        const s = m && symbolAt(doc.getText(), doc.offsetAt(position), m);
        const def = s && definitionOf(m!.result.workspace, s.kind, s.id);
        return def ? new vscode.Location(index.uriOf(def.file), toRange(def.range)) : undefined;
      },
    }),

    vscode.languages.registerReferenceProvider(SELECTOR, {
      async provideReferences(doc, position, context) {
        const m = await model();
        const s = m && symbolAt(doc.getText(), doc.offsetAt(position), m);
        if (!s) return [];
        return referencesTo(m!.result.workspace, s.kind, s.id, context.includeDeclaration).map((l) => new vscode.Location(index.uriOf(l.file), toRange(l.range)));
      },
    }),

    vscode.languages.registerRenameProvider(SELECTOR, {
      async prepareRename(doc, position) {
        const m = await model();
        const s = m && symbolAt(doc.getText(), doc.offsetAt(position), m);
        if (!s) throw new Error(vscode.l10n.t('Only person and account ids can be renamed here.'));
        return { range: offsetRange(doc, s.start, s.end), placeholder: s.id };
      },
      async provideRenameEdits(doc, position, newName) {
        const m = await model();
        const s = m && symbolAt(doc.getText(), doc.offsetAt(position), m);
        if (!s) return undefined;
        const r = renameEdits(m!.result.workspace, s.kind, s.id, newName);
        if (!r.ok) {
          const reasons = {
            'invalid-id': vscode.l10n.t('“{0}” is not a valid id: use lowercase letters, digits and hyphens.', newName),
            taken: vscode.l10n.t('The id “{0}” is already used.', newName),
            unknown: vscode.l10n.t('“{0}” is not defined in this workspace.', s.id),
          };
          throw new Error(reasons[r.reason]);
        }
        const edit = toWorkspaceEdit(index.folder.uri, r.edits);
        if (r.fileRename) edit.renameFile(index.uriOf(r.fileRename.from), index.uriOf(r.fileRename.to), { ignoreIfExists: true });
        return edit;
      },
    }),

    vscode.languages.registerCodeActionsProvider(SELECTOR, {
      async provideCodeActions(doc, _range, context) {
        const ours = context.diagnostics.filter((d) => d.source === 'keyplan');
        if (!ours.length) return [];
        const m = await model();
        if (!m) return [];
        const file = index.relative(doc.uri);
        const core = m.result.diagnostics.filter((d) => d.file === file);
        const actions: vscode.CodeAction[] = [];
        for (const shown of ours) {
          const rule = typeof shown.code === 'object' ? String(shown.code.value) : String(shown.code);
          const match = core.find((d) => d.rule === rule && d.message === shown.message && d.range.start.line - 1 === shown.range.start.line) as CoreDiagnostic | undefined;
          if (!match) continue;
          for (const fix of quickFixes(match, doc.getText(), m)) {
            const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
            action.diagnostics = [shown];
            action.isPreferred = fix.preferred;
            if (fix.edits.length) action.edit = toWorkspaceEdit(index.folder.uri, fix.edits);
            if (fix.command) action.command = { title: fix.title, command: fix.command.id, arguments: [fix.command.args] };
            actions.push(action);
          }
        }
        return actions;
      },
    }, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
  ];
}
