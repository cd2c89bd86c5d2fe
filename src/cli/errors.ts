/** Errors the CLI reports as `keyplan: <message>` with exit code 2 (usage or I/O problems). */
export class UsageError extends Error {}
