/**
 * Undo and redo of the moves made on the matrix. A move is a few offset edits of one person file;
 * its inverse is computed from the text it was applied to, so undoing gives back every byte. A step
 * is only undone (or redone) while the file holds exactly the text the step left (or found):
 * if the user or another program changed the file since, the step is refused, never forced.
 */

/** Replace `start`…`end` (UTF-16 offsets in the text before the edit) with `newText`. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export interface MoveStep {
  /** What the front end needs to find the file again (the editor: a URI string). */
  file: string;
  person: string;
  /** The file's text before and after the move. */
  before: string;
  after: string;
  /** Edits turning `before` into `after`, and `after` back into `before`. */
  forward: TextEdit[];
  backward: TextEdit[];
}

/** Applies non-overlapping edits to a text (offsets in that text). */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** The edits that undo `edits` applied to `text`, with offsets in the edited text. */
export function invertTextEdits(text: string, edits: readonly TextEdit[]): TextEdit[] {
  let shift = 0;
  const inverse: TextEdit[] = [];
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    const start = e.start + shift;
    inverse.push({ start, end: start + e.newText.length, newText: text.slice(e.start, e.end) });
    shift += e.newText.length - (e.end - e.start);
  }
  return inverse;
}

/** A move as a step that can be undone: `edits` turn `before` into the file's new text. */
export function moveStep(file: string, person: string, before: string, edits: readonly TextEdit[]): MoveStep {
  return { file, person, before, after: applyTextEdits(before, edits), forward: [...edits], backward: invertTextEdits(before, edits) };
}

export type Refusal = 'nothing' | 'changed';

/**
 * The undo and redo stacks of one matrix. `undo()` / `redo()` name the step to apply and the text
 * the file must hold for it; the caller applies it and then calls `done()`, or `drop()` when the
 * file no longer holds that text (the history of that file is then forgotten: its offsets are stale).
 */
export class MoveHistory {
  private readonly undos: MoveStep[] = [];
  private readonly redos: MoveStep[] = [];

  constructor(private readonly limit = 100) {}

  /** A new move: it can be undone, and nothing undone before it can be redone any more. */
  record(step: MoveStep): void {
    this.undos.push(step);
    if (this.undos.length > this.limit) this.undos.shift();
    this.redos.length = 0;
  }

  /** The step an undo would apply: its `backward` edits, on a file holding `after`. */
  peekUndo(): MoveStep | undefined {
    return this.undos.at(-1);
  }

  /** The step a redo would apply: its `forward` edits, on a file holding `before`. */
  peekRedo(): MoveStep | undefined {
    return this.redos.at(-1);
  }

  /** The undo of the last step was applied. */
  undone(): void {
    const step = this.undos.pop();
    if (step) this.redos.push(step);
  }

  /** The redo of the last undone step was applied. */
  redone(): void {
    const step = this.redos.pop();
    if (step) this.undos.push(step);
  }

  /** Forgets every step of a file (it changed outside the matrix, so their offsets no longer hold). */
  drop(file: string): void {
    for (const stack of [this.undos, this.redos]) {
      const keep = stack.filter((s) => s.file !== file);
      stack.length = 0;
      stack.push(...keep);
    }
  }

  get size(): { undo: number; redo: number } {
    return { undo: this.undos.length, redo: this.redos.length };
  }
}
