/**
 * How Keyplan runs git on a repository it does not trust. A repository's own configuration can name
 * programs for git to run (`core.fsmonitor` while the index is refreshed, `diff.external`, textconv
 * drivers, a pager, hooks, credential helpers); command-line `-c` settings win over every
 * configuration file, so these turn all of them off for Keyplan's read-only use of git. The command
 * line and the editor both use them.
 */

/** Global options placed before the git subcommand. */
export const SAFE_GIT_OPTIONS: readonly string[] = [
  '--no-pager',
  '--no-optional-locks', // reading never rewrites the index
  '-c', 'core.fsmonitor=false',
  '-c', 'core.hooksPath=/dev/null',
  '-c', 'core.pager=cat',
  '-c', 'diff.external=',
  '-c', 'core.askPass=',
  '-c', 'credential.helper=',
  '-c', 'core.sshCommand=',
  '-c', 'protocol.allow=never', // nothing is fetched, so no transport (and no transport helper) runs
];

/** Environment for git: no prompts, no external diff or pager from the environment, plain messages. */
export function safeGitEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...env, GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', PAGER: 'cat', LC_ALL: 'C' };
  for (const key of ['GIT_EXTERNAL_DIFF', 'GIT_ASKPASS', 'SSH_ASKPASS', 'GIT_SSH', 'GIT_SSH_COMMAND', 'GIT_EDITOR']) delete out[key];
  return out;
}
