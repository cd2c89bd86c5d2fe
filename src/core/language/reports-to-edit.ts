/**
 * Re-parenting on the decision-chain map: a drag of one card onto another sets the dragged
 * person's `reports_to` to the target. Pure: the text edit (only the value of that one line
 * changes, or a `reports_to:` line is added when there is none; comments, quoting, key order and
 * line endings stay as they were) and the check that the new line would not close a reporting
 * cycle. The front end applies the edit (undoable) and says why it refuses one.
 */
import { frontmatterValueEdits, type OffsetEdit } from './placement-edit.js';

/** A person id that YAML reads back as the same plain string (kebab-case, as the schema wants). */
const PLAIN_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The edits that make `text` (a person file) say `reports_to: <manager>`: none when it already
 * does, undefined when the frontmatter cannot be edited safely or `manager` is not a plain id.
 */
export function reportsToEdits(text: string, manager: string): OffsetEdit[] | undefined {
  if (!PLAIN_ID.test(manager)) return undefined;
  return frontmatterValueEdits(text, [['reports_to', manager]]);
}

/**
 * The reporting cycle that `person reports to manager` would close, as the chain of ids from the
 * manager up to the person (`[manager, …, person]`), or undefined when there is none. `reportsTo`
 * gives each person's current manager. A person cannot report to themselves (`[person]`). Bounded
 * by the number of people, whatever cycles already exist among the others.
 */
export function reportsToCycle(reportsTo: (id: string) => string | undefined, person: string, manager: string): string[] | undefined {
  const chain = [manager];
  const seen = new Set(chain);
  let at: string | undefined = manager;
  while (at !== undefined) {
    if (at === person) return chain;
    at = reportsTo(at);
    if (at === undefined || seen.has(at)) return undefined; // the top, or a cycle not through `person`
    seen.add(at);
    chain.push(at);
  }
  return undefined;
}
