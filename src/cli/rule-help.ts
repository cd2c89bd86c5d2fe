// Generated from docs/rules.md by `npx tsx scripts/rule-help.ts`. Do not edit by hand: a unit test
// fails when this file and the documentation disagree.

/** Rule id → the rule's section of docs/rules.md, in Markdown. */
export const RULE_HELP: Readonly<Record<string, string>> = {
  "account-dark": "**Warning.** Nobody at the account has been met for more than `dark_after` days (default 60), or no\ninteraction has ever been logged (失联客户). Placed on the account plan's `name`.",
  "contact-left": "**Warning.** A person with `status: left` is still a contact in the current relationship plan.\nPeople who left are never overdue; replace them in the plan.",
  "cross-account-reference": "**Warning.** A reference to a person of another account: an `@mention` in one account's log, a\n`reports_to`, or a plan contact naming someone filed under a different account. Usually the person\nfile has the wrong `account:`.",
  "duplicate-id": "**Error.** Two account plans or two person files share an id, or an account plan lists two\nobjectives with the same id. Ids must be unique per kind across the workspace; the second file is\nreported and ignored.",
  "economic-buyer-not-supportive": "**A: warning, B: warning, C: info.** The EB's stance is neutral, skeptic, opponent or unknown. An\nEB who is not supportive is the classic red flag; the plan needs a way to win them over.",
  "encoding": "**Error.** A Keyplan document that is not valid UTF-8 (for example saved as GBK). Save it as UTF-8.\nBinary files and non-UTF-8 files that are not Keyplan documents are skipped with a note.",
  "interaction-due-soon": "**Info.** Past the ideal interval, not yet past the maximum: plan the next contact now.",
  "interaction-never": "**Warning for key players, info for others.** No interaction with this person has ever been logged.\nA key player has a buying role, influence 4 or 5, or sits in the plan's `key` layer.",
  "interaction-overdue": "**Warning.** More days since the last interaction than the maximum interval. The most important\nlist of the week: `keyplan overdue` prints it sorted by how overdue.",
  "key-player-uncovered": "**A: warning, B: warning, C: info.** A person with influence 4 or 5 whose coverage is `unknown` or\n`none`: someone who matters that nobody really knows yet.",
  "log-entry-in-future": "**Warning.** An interaction dated after today. It is not counted until that day; plan future\nmeetings with `next:` in the relationship plan instead.",
  "log-entry-malformed": "**Error.** A list item in an interaction log (互动记录) that starts like a date but does not read as\n`- YYYY-MM-DD channel @person [@person…]: summary`. The message says what is wrong: an invalid\ndate, no channel, no `@person` before the colon, no colon, or an empty summary. Such a line is never\nskipped silently, because a lost entry would make a contact look overdue.",
  "missing-coach": "**A: warning, B: off, C: off.** A strategic account without a `Coach` (教练/线人): nobody guides\nus inside the account.",
  "missing-economic-buyer": "**A: warning, B: warning, C: off.** No active person of the account holds the `EB` role (经济决策者):\nnobody is recorded as the person who releases the money and can veto. Without an identified EB, a\nforecast is a guess.",
  "objective-overdue": "**Warning.** An objective whose `due` date has passed and whose status is not `done` or `dropped`.",
  "plan-period-ended": "**Warning.** The account plan's or the relationship plan's period ended before today and no newer\nplan covers today. Start the next period's plan.",
  "planned-interaction-missed": "**Warning.** The relationship plan's `next:` date for this contact has passed and no interaction\nwith them is logged on or after it. Placed on the `next:` value.",
  "reports-to-cycle": "**Error.** Reporting lines (汇报关系) that loop back (`a → b → c → a`). Reported on the\n`reports_to` of every person in the loop.",
  "review-overdue": "**Warning.** The account plan's `review.next` date has passed.",
  "schema": "**Error.** A field is missing (`Missing required field owner`), has the wrong type\n(`influence must be a whole number`), is out of range (`influence` 1–5, `nps` −100…100), is not\nan allowed value (`suportive` → did you mean `supporter`?), is not a valid date (`2026-02-30`), or is\nnot a valid id (`Zhang Wei` → use `zhang-wei`). Also: a cadence whose `max` is shorter than its\n`ideal`, and a period that ends before it starts. The message names the field and lists the allowed\nvalues; the range is on the value (or the key, for a missing field).",
  "single-threaded": "**A: warning, B: warning, C: info.** Fewer than 3 active contacts, or only one contact covered\nmore than briefly (`coverage: multiple` or `in-depth`). A single-threaded account is lost when that\nperson leaves. The coverage part only fires when every contact's coverage is known.",
  "stage-target-missing": "**A: warning, B: warning, C: info.** A relationship-plan contact without a `target_stage`, or with\na target below the current stage on the ladder awareness 认知 → recognition 认同 → purchase 认购 →\nadvocacy 推荐.",
  "unknown-channel": "**Warning.** An interaction channel (互动方式) that is not in the configured list\n(`visit, meeting, call, wechat, email, event, executive-exchange, gift, dinner, other` unless\n`keyplan.yaml` `channels:` says otherwise). The entry still counts.",
  "unknown-field": "**Error.** A key the format does not know, usually a typo (`influense` → `influence`). Every object\nin the format is closed so that a typo cannot silently lose data.",
  "unknown-kind": "**Error.** The frontmatter's `kind:` is almost, but not quite, a Keyplan kind (`kind: acount`).\nAny other `kind:` value is left alone: the file belongs to some other tool.",
  "unknown-reference": "**Error.** A reference that does not resolve: `account:` naming no account plan; `reports_to`,\n`influences`, a relationship-plan contact's `person`, an approver, or an `@mention` in a log naming\nno person (with \"did you mean\" from the same account). Also a person who reports to or influences\nthemselves.",
  "yaml-syntax": "**Error.** The frontmatter is not valid YAML 1.2: an unclosed `---` fence, a tab used for\nindentation, the same key twice, a value with `: ` inside that needs quotes (common after Chinese\ntext such as `summary: 备注: 说明`), alias bombs (`*alias` expanded more than 100 times) or nesting\ntoo deep to read. The position points at the offending character. Fix the YAML; the rest of the\nfile's checks run once it parses.",
};
