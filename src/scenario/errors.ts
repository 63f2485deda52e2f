// Errors in a scenario: where (file, line, column, key path, or the --set
// that caused it) and what, formatted as one line per problem. Never a stack
// trace: the CLI prints format() and exits 2.

/** One problem found in a scenario. */
export interface ScenarioIssue {
  /** The scenario file, as given by the caller; null for an in-memory scenario. */
  file: string | null;
  /** 1-based line of the offending YAML node, when known. */
  line: number | null;
  /** 1-based column of the offending YAML node, when known. */
  column: number | null;
  /** Dotted key path, e.g. `ticket_types.1.handle_time`; '' for the document itself. */
  path: string;
  /** What is wrong. */
  message: string;
  /** How to fix it (a "did you mean", the valid names, an example). */
  hint?: string;
  /** When the offending value came from the command line: the `--set key=value` text. */
  source?: string;
}

const MAX_LINES = 20;

function formatIssue(issue: ScenarioIssue): string {
  let where = '';
  if (issue.source !== undefined) {
    where = issue.file !== null ? `${issue.file}: --set ${issue.source}: ` : `--set ${issue.source}: `;
  } else if (issue.file !== null) {
    where = issue.line !== null ? `${issue.file}:${issue.line}:${issue.column ?? 1}: ` : `${issue.file}: `;
  }
  const path = issue.path !== '' ? `${issue.path}: ` : '';
  const hint = issue.hint ? ` (${issue.hint})` : '';
  return `${where}${path}${issue.message}${hint}`;
}

/**
 * A scenario that cannot be loaded. The fields describe the first problem
 * (in file order); `issues` holds every problem found, and `format()` prints
 * them one per line, e.g.
 * `scenarios/x.yaml:12:5: ticket_types.1.handle_time: lognormal needs cv (the coefficient of variation, e.g. cv: 0.8)`.
 */
export class ScenarioError extends Error {
  readonly file: string | null;
  readonly line: number | null;
  readonly column: number | null;
  readonly path: string;
  readonly hint?: string;
  /** The `--set key=value` text when the first problem came from the command line. */
  readonly source?: string;
  /** Every problem found (at least one); the first is the one the fields describe. */
  readonly issues: readonly ScenarioIssue[];

  constructor(issues: ScenarioIssue | readonly ScenarioIssue[]) {
    const list = Array.isArray(issues) ? [...(issues as readonly ScenarioIssue[])] : [issues as ScenarioIssue];
    if (list.length === 0) throw new TypeError('ScenarioError needs at least one issue');
    super(list.map(formatIssue).join('\n'));
    this.name = 'ScenarioError';
    const first = list[0];
    this.file = first.file;
    this.line = first.line;
    this.column = first.column;
    this.path = first.path;
    if (first.hint !== undefined) this.hint = first.hint;
    if (first.source !== undefined) this.source = first.source;
    this.issues = list;
  }

  /** One line per problem (at most 20, then a count of the rest); no stack trace. */
  format(): string {
    const lines = this.issues.slice(0, MAX_LINES).map(formatIssue);
    const rest = this.issues.length - MAX_LINES;
    if (rest > 0) lines.push(`... and ${rest} more problem${rest === 1 ? '' : 's'}`);
    return lines.join('\n');
  }
}

/**
 * The sentence of a message from the yaml package, for our one-line format:
 * yaml ends its messages with "at line L, column C:" and a code excerpt (we
 * give the position ourselves), and reports a nesting deep enough to
 * overflow the stack as the engine's RangeError text.
 */
export function yamlReason(message: string): string {
  if (/Maximum call stack size exceeded/.test(message)) return 'the document is nested too deeply';
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/** A single-issue ScenarioError. */
export function scenarioError(
  file: string | null,
  path: string,
  message: string,
  extra: { line?: number | null; column?: number | null; hint?: string; source?: string } = {},
): ScenarioError {
  const issue: ScenarioIssue = {
    file,
    line: extra.line ?? null,
    column: extra.column ?? null,
    path,
    message,
  };
  if (extra.hint !== undefined) issue.hint = extra.hint;
  if (extra.source !== undefined) issue.source = extra.source;
  return new ScenarioError(issue);
}

/**
 * The error with `file` filled in where the problem was found without it
 * (after loading, e.g. by auto staffing, which sees the resolved scenario only).
 */
export function inFile(error: ScenarioError, file: string | null): ScenarioError {
  return new ScenarioError(error.issues.map((issue) => (issue.file === null ? { ...issue, file } : issue)));
}
